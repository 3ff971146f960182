package oracle_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/reencrypt/internal/oracle"
)

// start launches the oracle for one test (see StartTest).
func start(t *testing.T) (*oracle.Oracle, context.Context) { return oracle.StartTest(t) }

func TestHandshake(t *testing.T) {
	o, ctx := start(t)
	info := o.Info()
	if info.Protocol != oracle.Protocol || info.UmbralPre != oracle.UmbralVersion || !strings.HasPrefix(info.Node, "2") {
		t.Fatalf("unexpected oracle info %+v", info)
	}
	u, err := o.ParameterU(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The second generator as pdx's UMBRAL.md records it.
	if got, want := hex.EncodeToString(u), "03079390d0fbe220fc34aab8ecbf49098098036820fadb98c03143e55db8ec73cd"; got != want {
		t.Fatalf("U = %s, want %s", got, want)
	}
}

func TestRoundTripThroughOracle(t *testing.T) {
	o, ctx := start(t)
	skA, pkA, err := o.Keygen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(skA) != 32 || len(pkA) != 33 {
		t.Fatalf("key sizes %d, %d", len(skA), len(pkA))
	}
	pk2, err := o.PublicKey(ctx, skA)
	if err != nil || !bytes.Equal(pk2, pkA) {
		t.Fatalf("PublicKey(sk) = %x, %v; want %x", pk2, err, pkA)
	}
	skB, pkB, err := o.Keygen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	skS, vk, err := o.Keygen(ctx)
	if err != nil {
		t.Fatal(err)
	}

	pt := []byte("a 32-byte file key for a dataset")
	capsule, ct, err := o.Encrypt(ctx, pkA, pt)
	if err != nil {
		t.Fatal(err)
	}
	if len(capsule) != 105 || len(ct) != len(pt)+40 {
		t.Fatalf("capsule %d bytes, ct %d bytes", len(capsule), len(ct))
	}
	got, err := o.DecryptOriginal(ctx, skA, capsule, ct)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("DecryptOriginal = %q, %v", got, err)
	}
	if _, err := o.DecryptOriginal(ctx, skB, capsule, ct); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("DecryptOriginal with the wrong key: %v, want ErrRejected", err)
	}

	kfrags, err := o.GenerateKFrags(ctx, oracle.KFragParams{
		DelegatingSK: skA, ReceivingPK: pkB, SignerSK: skS,
		Threshold: 2, Shares: 3, SignDelegating: true, SignReceiving: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(kfrags) != 3 {
		t.Fatalf("%d kfrags", len(kfrags))
	}
	var cfrags [][]byte
	for i, kf := range kfrags {
		if len(kf) != 310 {
			t.Fatalf("kfrag %d is %d bytes", i, len(kf))
		}
		v, err := o.VerifyKFrag(ctx, kf, vk, pkA, pkB)
		if err != nil || !bytes.Equal(v, kf) {
			t.Fatalf("VerifyKFrag(%d) = %x, %v", i, v, err)
		}
		// The kfrag signed the delegating key, so it must be supplied.
		if _, err := o.VerifyKFrag(ctx, kf, vk, nil, pkB); !errors.Is(err, oracle.ErrRejected) {
			t.Fatalf("VerifyKFrag without pk_A: %v, want ErrRejected", err)
		}
		cf, err := o.Reencrypt(ctx, capsule, kf, vk, pkA, pkB)
		if err != nil {
			t.Fatal(err)
		}
		if len(cf) != 381 {
			t.Fatalf("cfrag %d is %d bytes", i, len(cf))
		}
		vc, err := o.VerifyCFrag(ctx, capsule, cf, vk, pkA, pkB)
		if err != nil || !bytes.Equal(vc, cf) {
			t.Fatalf("VerifyCFrag(%d) = %x, %v", i, vc, err)
		}
		if _, err := o.VerifyCFrag(ctx, capsule, cf, pkB, pkA, pkB); !errors.Is(err, oracle.ErrRejected) {
			t.Fatalf("VerifyCFrag with the wrong verifying key: %v, want ErrRejected", err)
		}
		cfrags = append(cfrags, cf)
	}
	got, err = o.DecryptReencrypted(ctx, skB, pkA, capsule, cfrags[1:], vk, ct)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("DecryptReencrypted = %q, %v", got, err)
	}
	if _, err := o.DecryptReencrypted(ctx, skB, pkA, capsule, cfrags[:1], vk, ct); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("DecryptReencrypted below the threshold: %v, want ErrRejected", err)
	}

	enc, simple, err := o.Reserialize(ctx, oracle.KindCapsule, capsule)
	if err != nil || !bytes.Equal(enc, capsule) || len(simple) != 98 {
		t.Fatalf("Reserialize(capsule) = %x, %x, %v", enc, simple, err)
	}
	enc, simple, err = o.Reserialize(ctx, oracle.KindCapsFrag, cfrags[0])
	if err != nil || !bytes.Equal(enc, cfrags[0]) || len(simple) != 359 {
		t.Fatalf("Reserialize(cfrag) = %x, %x, %v", enc, simple, err)
	}
	bad := bytes.Clone(capsule)
	bad[len(bad)-1] ^= 1 // s no longer satisfies s·G == V + h·E
	if _, _, err := o.Reserialize(ctx, oracle.KindCapsule, bad); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("Reserialize(tampered capsule): %v, want ErrRejected", err)
	}
}

func TestDerivationAndSignatures(t *testing.T) {
	o, ctx := start(t)
	seed := bytes.Repeat([]byte{0x5a}, 32)
	k1, err := o.MakeKey(ctx, seed, []byte("pdx/dataset/00"))
	if err != nil {
		t.Fatal(err)
	}
	k1again, err := o.MakeKey(ctx, seed, []byte("pdx/dataset/00"))
	if err != nil || !bytes.Equal(k1, k1again) {
		t.Fatalf("MakeKey is not deterministic: %x vs %x (%v)", k1, k1again, err)
	}
	k2, err := o.MakeKey(ctx, seed, []byte("pdx/dataset/01"))
	if err != nil || bytes.Equal(k1, k2) {
		t.Fatalf("two labels gave the same key %x (%v)", k1, err)
	}
	if _, err := o.MakeKey(ctx, seed[:31], []byte("x")); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("MakeKey with a 31-byte seed: %v, want ErrRejected", err)
	}
	sec, err := o.MakeSecret(ctx, seed, []byte("x"))
	if err != nil || len(sec) != 64 {
		t.Fatalf("MakeSecret = %x, %v", sec, err)
	}
	fk, err := o.MakeFactoryKey(ctx, seed, []byte("child"), []byte("x"))
	if err != nil || len(fk) != 32 || bytes.Equal(fk, k1) {
		t.Fatalf("MakeFactoryKey = %x, %v", fk, err)
	}

	pk, err := o.PublicKey(ctx, k1)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte("message")
	sig, err := o.Sign(ctx, k1, msg)
	if err != nil || len(sig) != 64 {
		t.Fatalf("Sign = %x, %v", sig, err)
	}
	ok, err := o.VerifySignature(ctx, pk, msg, sig)
	if err != nil || !ok {
		t.Fatalf("VerifySignature = %v, %v", ok, err)
	}
	ok, err = o.VerifySignature(ctx, pk, []byte("other"), sig)
	if err != nil || ok {
		t.Fatalf("VerifySignature of another message = %v, %v", ok, err)
	}
}

func TestBenchOp(t *testing.T) {
	o, ctx := start(t)
	r, err := o.Bench(ctx, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]float64{
		"encrypt": r.Encrypt, "generate_kfrags": r.GenerateKFrags, "verify_kfrag": r.VerifyKFrag,
		"reencrypt": r.Reencrypt, "verify_cfrag": r.VerifyCFrag, "decrypt_reencrypted": r.DecryptReencrypted,
	} {
		if !(v > 0) {
			t.Errorf("%s: %v µs", name, v)
		}
	}
	if r.Iterations != 2 || r.Warmup != 1 {
		t.Errorf("iterations/warmup echoed as %d/%d", r.Iterations, r.Warmup)
	}
}

func TestErrors(t *testing.T) {
	o, ctx := start(t)
	// Bytes that are not a kfrag: umbral-pre's message comes through.
	_, err := o.VerifyKFrag(ctx, []byte{1, 2, 3}, make([]byte, 33), nil, nil)
	var rej *oracle.RejectedError
	if !errors.As(err, &rej) || rej.Op != "verify-kfrag" || rej.Message == "" {
		t.Fatalf("VerifyKFrag(garbage): %v, want a RejectedError", err)
	}
	// A cancelled context stops the wait.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := o.Keygen(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Keygen with a cancelled context: %v", err)
	}
	// The oracle still answers after the abandoned request.
	if _, _, err := o.Keygen(ctx); err != nil {
		t.Fatal(err)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := o.Keygen(ctx); !errors.Is(err, oracle.ErrClosed) {
		t.Fatalf("Keygen after Close: %v, want ErrClosed", err)
	}
}

func TestMissingNode(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := oracle.Start(context.Background())
	if !errors.Is(err, oracle.ErrNotInstalled) || !strings.Contains(err.Error(), "run `make npm` (Node 20 + npm needed)") {
		t.Fatalf("Start without node: %v", err)
	}
}

func TestMissingPackages(t *testing.T) {
	// A tree with the oracle script but without tools/node_modules.
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "tools"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "tools", "umbral-oracle.js"), []byte("process.exit(1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	_, err := oracle.Start(context.Background())
	if !errors.Is(err, oracle.ErrNotInstalled) || !strings.Contains(err.Error(), "run `make npm` (Node 20 + npm needed)") {
		t.Fatalf("Start without tools/node_modules: %v", err)
	}
}
