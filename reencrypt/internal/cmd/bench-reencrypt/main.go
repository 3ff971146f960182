// Command bench-reencrypt times each Umbral operation in pdx (package
// reencrypt) and in the reference umbral-pre 0.10 (the npm oracle, timed
// inside node so the pipe is not counted) in one run, on the same machine
// and with the same inputs, and relates re-encryption to the cost of one
// constant-time scalar multiplication, the unit every operation is made of.
// `make bench-reencrypt` runs it (after `make npm`).
//
// Output, one line per operation:
//
//	op pdx_us oracle_us ratio
//
// where the times are microseconds per operation and ratio = oracle/pdx
// (above 1: pdx is faster), then
//
//	ct_scalar_mult_us X
//	reencrypt_over_ct_mult Y
//
// Operations and inputs: encrypt a 32-byte plaintext (pdx wraps only a file
// key); generate kfrags 2-of-3 signed for both keys; verify a kfrag from its
// bytes; reencrypt; verify a cfrag from its bytes; decrypt from 2 cfrags.
package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/internal/oracle"
	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

func main() {
	n := flag.Int("n", 100, "timed iterations per operation")
	warmup := flag.Int("warmup", 10, "untimed iterations before each timing")
	flag.Parse()
	if *n < 1 || *warmup < 0 {
		fmt.Fprintln(os.Stderr, "bench-reencrypt: -n must be ≥ 1 and -warmup ≥ 0")
		os.Exit(2)
	}
	if err := run(*n, *warmup); err != nil {
		fmt.Fprintln(os.Stderr, "bench-reencrypt:", err)
		os.Exit(1)
	}
}

// timeOp runs fn warmup times, then n times under the clock, and returns
// microseconds per run; the first error stops it.
func timeOp(n, warmup int, fn func() error) (float64, error) {
	for range warmup {
		if err := fn(); err != nil {
			return 0, err
		}
	}
	start := time.Now()
	for range n {
		if err := fn(); err != nil {
			return 0, err
		}
	}
	return float64(time.Since(start).Nanoseconds()) / 1e3 / float64(n), nil
}

type result struct {
	name      string
	pdx, orcl float64
}

func run(n, warmup int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	o, err := oracle.Start(ctx)
	if err != nil {
		return err
	}
	defer o.Close()

	// The fixture, drawn fresh each run.
	var keys [3]*reencrypt.SecretKey
	for i := range keys {
		if keys[i], err = reencrypt.GenerateSecretKey(); err != nil {
			return err
		}
	}
	alice, bob, signer := keys[0], keys[1], reencrypt.NewSigner(keys[2])
	pkA, pkB, vk := alice.PublicKey(), bob.PublicKey(), signer.VerifyingKey()
	pt := make([]byte, 32)
	if _, err := rand.Read(pt); err != nil {
		return err
	}
	capsule, ct, err := reencrypt.Encrypt(pkA, pt)
	if err != nil {
		return err
	}
	kfrags, err := reencrypt.GenerateKFrags(alice, pkB, signer, 2, 3, true, true)
	if err != nil {
		return err
	}
	var cfrags []*reencrypt.VerifiedCapsuleFrag
	for _, kf := range kfrags[:2] {
		cf, err := reencrypt.Reencrypt(capsule, kf)
		if err != nil {
			return err
		}
		cfrags = append(cfrags, cf)
	}
	kfragBytes, cfragBytes := kfrags[0].Bytes(), cfrags[0].Bytes()

	ops := []struct {
		name string
		fn   func() error
	}{
		{"encrypt", func() error { _, _, err := reencrypt.Encrypt(pkA, pt); return err }},
		{"generate_kfrags_2of3", func() error {
			_, err := reencrypt.GenerateKFrags(alice, pkB, signer, 2, 3, true, true)
			return err
		}},
		{"verify_kfrag", func() error {
			kf, err := reencrypt.KeyFragFromBytes(kfragBytes)
			if err == nil {
				_, err = kf.Verify(vk, pkA, pkB)
			}
			return err
		}},
		{"reencrypt", func() error { _, err := reencrypt.Reencrypt(capsule, kfrags[0]); return err }},
		{"verify_cfrag", func() error {
			cf, err := reencrypt.CapsuleFragFromBytes(cfragBytes)
			if err == nil {
				_, err = cf.Verify(capsule, vk, pkA, pkB)
			}
			return err
		}},
		{"decrypt_reencrypted_2", func() error {
			_, err := reencrypt.DecryptReencrypted(bob, pkA, capsule, cfrags, ct)
			return err
		}},
	}
	results := make([]result, len(ops))
	for i, op := range ops {
		us, err := timeOp(n, warmup, op.fn)
		if err != nil {
			return fmt.Errorf("pdx %s: %w", op.name, err)
		}
		results[i] = result{name: op.name, pdx: us}
	}

	// One constant-time multiplication of a variable point by a secret
	// scalar (libsecp256k1's ecmult_const through internal/secp).
	k, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return err
	}
	base := secp.U()
	var prod secp.Point
	multUS, err := timeOp(10*n, 10*warmup, func() error { prod.Mul(k, base); return nil })
	if err != nil {
		return err
	}

	or, err := o.Bench(ctx, n, warmup)
	if err != nil {
		return err
	}
	for i, us := range []float64{or.Encrypt, or.GenerateKFrags, or.VerifyKFrag, or.Reencrypt, or.VerifyCFrag, or.DecryptReencrypted} {
		results[i].orcl = us
	}

	info := o.Info()
	fmt.Printf("# pdx (Go) vs @nucypher/umbral-pre %s on Node %s; %d timed iterations after %d warm-up; µs per op; ratio = oracle/pdx\n",
		info.UmbralPre, info.Node, n, warmup)
	fmt.Println("op pdx_us oracle_us ratio")
	for _, r := range results {
		fmt.Printf("%s %.1f %.1f %.2f\n", r.name, r.pdx, r.orcl, r.orcl/r.pdx)
	}
	fmt.Printf("ct_scalar_mult_us %.1f\n", multUS)
	fmt.Printf("reencrypt_over_ct_mult %.2f\n", results[3].pdx/multUS)
	return nil
}
