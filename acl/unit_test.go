package acl_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
)

func registryABI(t testing.TB) *abi.ABI {
	a := bindings.NewRegistry().GetABI()
	return &a
}

func TestCursorVectors(t *testing.T) {
	var v struct {
		Registry common.Address
		Valid    []struct {
			Text string
			Next uint64
		}
		Invalid []struct{ Text, Why string }
	}
	b, err := os.ReadFile("testdata/cursor-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Valid {
		n, found, err := acl.ParseCursor([]byte(c.Text), v.Registry)
		if err != nil || !found || n != c.Next {
			t.Errorf("%q: got %d, %v, %v; want %d", c.Text, n, found, err, c.Next)
		}
		// The writer's form parses back to the same block.
		if n2, _, err := acl.ParseCursor(acl.FormatCursor(v.Registry, c.Next), v.Registry); err != nil || n2 != c.Next {
			t.Errorf("format/parse %d: %d, %v", c.Next, n2, err)
		}
	}
	for _, c := range v.Invalid {
		if _, _, err := acl.ParseCursor([]byte(c.Text), v.Registry); !errors.Is(err, acl.ErrCursor) {
			t.Errorf("%s (%q): got %v, want ErrCursor", c.Why, c.Text, err)
		}
	}
}

// TestCursorV2Vectors: every line of testdata/cursor-v2.json parses (or is
// refused) as the file says; a valid line's position written again is the
// same line, unless the file marks it as not in the writer's form.
func TestCursorV2Vectors(t *testing.T) {
	var v struct {
		Registry common.Address
		Valid    []struct {
			Text      string
			Next      uint64
			Hash      string
			Canonical *bool
		}
		Invalid []struct{ Text, Why string }
	}
	b, err := os.ReadFile("testdata/cursor-v2.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Valid {
		want := acl.Position{Next: c.Next}
		if c.Hash != "" {
			want.Hash = common.HexToHash(c.Hash)
		}
		p, found, err := acl.ParseCursorPosition([]byte(c.Text), v.Registry)
		if err != nil || !found || p != want {
			t.Errorf("%q: got %+v, %v, %v; want %+v", c.Text, p, found, err, want)
		}
		if n, _, err := acl.ParseCursor([]byte(c.Text), v.Registry); err != nil || n != c.Next {
			t.Errorf("%q: ParseCursor %d, %v; want %d", c.Text, n, err, c.Next)
		}
		if c.Canonical == nil || *c.Canonical {
			if got := acl.FormatCursorPosition(v.Registry, want); string(got) != c.Text {
				t.Errorf("format %+v: %q, want %q", want, got, c.Text)
			}
		}
	}
	for _, c := range v.Invalid {
		if _, _, err := acl.ParseCursorPosition([]byte(c.Text), v.Registry); !errors.Is(err, acl.ErrCursor) {
			t.Errorf("%s (%q): got %v, want ErrCursor", c.Why, c.Text, err)
		}
	}
}

// TestFileCursorPosition: a FileCursor keeps a position with its hash
// (version 2), reads a version 1 file as a position without one, and
// writes version 2 over it.
func TestFileCursorPosition(t *testing.T) {
	ctx := testCtx(t)
	reg := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	fc := &acl.FileCursor{Path: t.TempDir() + "/cursor", Registry: reg}
	if err := os.WriteFile(fc.Path, acl.FormatCursor(reg, 9), 0o600); err != nil {
		t.Fatal(err)
	}
	if p, found, err := fc.LoadPosition(ctx); err != nil || !found || p != (acl.Position{Next: 9}) {
		t.Fatalf("a version 1 file: %+v, %v, %v", p, found, err)
	}
	want := acl.Position{Next: 10, Hash: common.Hash{0xab, 0xcd}}
	if err := fc.StorePosition(ctx, want); err != nil {
		t.Fatal(err)
	}
	if p, found, err := fc.LoadPosition(ctx); err != nil || !found || p != want {
		t.Fatalf("after storing %+v: %+v, %v, %v", want, p, found, err)
	}
	b, _ := os.ReadFile(fc.Path)
	if !bytes.HasPrefix(b, []byte("pdx-acl-cursor/2 ")) {
		t.Fatalf("file content %q: want version 2", b)
	}
}

func TestFileCursor(t *testing.T) {
	ctx := testCtx(t)
	reg := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	fc := &acl.FileCursor{Path: t.TempDir() + "/cursor", Registry: reg}
	if _, found, err := fc.Load(ctx); found || err != nil {
		t.Fatalf("empty cursor: %v, %v", found, err)
	}
	for _, n := range []uint64{5, 6, 1 << 40} {
		if err := fc.Store(ctx, n); err != nil {
			t.Fatal(err)
		}
		got, found, err := fc.Load(ctx)
		if err != nil || !found || got != n {
			t.Fatalf("load after store %d: %d, %v, %v", n, got, found, err)
		}
	}
	b, _ := os.ReadFile(fc.Path)
	if !bytes.Equal(b, acl.FormatCursor(reg, 1<<40)) {
		t.Fatalf("file content %q", b)
	}
}

func TestGrantWordVectors(t *testing.T) {
	var v struct {
		Words []struct {
			Word         string
			Expiry       uint64
			Threshold    uint8
			Live, Bought bool
			Dataset      uint64
		}
		Terms []struct {
			Expiry    int64
			Threshold uint8
			Terms     string
		}
	}
	b, err := os.ReadFile("testdata/grant-word-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	for _, w := range v.Words {
		got := acl.DecodeGrantWord(hexutil.MustDecodeBig(w.Word))
		want := acl.GrantWord{Expiry: w.Expiry, Threshold: w.Threshold, Live: w.Live, Bought: w.Bought, Dataset: w.Dataset}
		if got != want {
			t.Errorf("%s: %+v, want %+v", w.Word, got, want)
		}
	}
	for _, c := range v.Terms {
		got := acl.GrantTerms(time.Unix(c.Expiry, 0), c.Threshold)
		if want := hexutil.MustDecodeBig(c.Terms); got.Cmp(want) != 0 {
			t.Errorf("terms(%d, %d) = %#x, want %s", c.Expiry, c.Threshold, got, c.Terms)
		}
	}
}

func TestDecodeRevert(t *testing.T) {
	a := registryABI(t)
	who := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	args, err := a.Errors["NotOwner"].Inputs.Pack(uint64(7), who)
	if err != nil {
		t.Fatal(err)
	}
	notOwnerID := a.Errors["NotOwner"].ID
	notOwner := append(append([]byte{}, notOwnerID[:4]...), args...)
	re := acl.DecodeRevert(a, notOwner)
	if re.Name != "NotOwner" || len(re.Args) != 2 || re.Args[0].(uint64) != 7 || re.Args[1].(common.Address) != who {
		t.Fatalf("NotOwner decoded as %+v", re)
	}
	var err2 error = re
	if !errors.Is(err2, acl.ErrNotOwner) || !errors.Is(err2, acl.ErrReverted) || errors.Is(err2, acl.ErrNoGrant) {
		t.Fatalf("sentinels of %v", err2)
	}

	// Error(string) from a require, and Panic(uint256).
	strArgs, _ := abi.Arguments{{Type: mustType(t, "string")}}.Pack("boom")
	if re := acl.DecodeRevert(a, append([]byte{0x08, 0xc3, 0x79, 0xa0}, strArgs...)); re.Name != "Error" || re.Args[0] != "boom" {
		t.Fatalf("Error(string) decoded as %+v", re)
	}
	panicArgs, _ := abi.Arguments{{Type: mustType(t, "uint256")}}.Pack(big.NewInt(0x11))
	if re := acl.DecodeRevert(a, append([]byte{0x4e, 0x48, 0x7b, 0x71}, panicArgs...)); re.Name != "Panic" || re.Error() == "" {
		t.Fatalf("Panic decoded as %+v", re)
	}
	// Unknown or short or truncated data stays raw, with no name.
	for _, data := range [][]byte{nil, {1, 2}, {0xde, 0xad, 0xbe, 0xef, 1}, notOwner[:10]} {
		if re := acl.DecodeRevert(a, data); re.Name != "" || !bytes.Equal(re.Data, data) {
			t.Errorf("%x decoded as %+v", data, re)
		}
	}
}

func mustType(t *testing.T, s string) abi.Type {
	ty, err := abi.NewType(s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return ty
}

func FuzzDecodeRevert(f *testing.F) {
	a := registryABI(f)
	f.Add([]byte{})
	f.Add([]byte{0x08, 0xc3, 0x79, 0xa0, 0, 0})
	wp := a.Errors["WrongPayment"].ID
	f.Add(append(append([]byte{}, wp[:4]...), make([]byte, 64)...))
	f.Fuzz(func(t *testing.T, data []byte) {
		re := acl.DecodeRevert(a, data)
		_ = re.Error()
	})
}

func FuzzParseCursor(f *testing.F) {
	reg := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	f.Add(acl.FormatCursor(reg, 7))
	f.Add(acl.FormatCursorPosition(reg, acl.Position{Next: 7, Hash: common.Hash{1}}))
	f.Add([]byte("pdx-acl-cursor/1 x 1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, found, err := acl.ParseCursorPosition(b, reg)
		if err == nil && (!found || !bytes.EqualFold(acl.FormatCursorPosition(reg, p), b)) {
			t.Fatalf("%q accepted as %+v but formats differently", b, p)
		}
	})
}

func TestValidatePublicKey(t *testing.T) {
	for i := 0; i < 20; i++ {
		if err := acl.ValidatePublicKey(pubkey(t)); err != nil {
			t.Fatalf("a generated key refused: %v", err)
		}
	}
	for name, k := range badKeys(t) {
		if err := acl.ValidatePublicKey(k); !errors.Is(err, acl.ErrInvalidKey) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestBundleCID(t *testing.T) {
	d := rand32(t)
	cid := acl.BundleCID(d)
	got, err := acl.BundleDigest(cid)
	if err != nil || got != d {
		t.Fatalf("round trip: %x, %v", got, err)
	}
	dagpb := append([]byte{0x01, 0x70, 0x12, 0x20}, d[:]...)
	for _, bad := range [][]byte{nil, {1}, cid[:35], append(cid, 0), dagpb} {
		if _, err := acl.BundleDigest(bad); !errors.Is(err, acl.ErrBundleCID) {
			t.Errorf("%x: %v", bad, err)
		}
	}
}

func TestDeployRefusesBadWindow(t *testing.T) {
	if _, _, err := acl.Deploy(testCtx(t), nil, nil, time.Hour, nil); !errors.Is(err, acl.ErrReadOnly) {
		t.Fatalf("nil key: %v", err)
	}
	if _, _, err := acl.Deploy(testCtx(t), nil, newKeys(t, 1)[0], time.Millisecond, nil); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("1ms window: %v", err)
	}
}

// Every event of the Registry's ABI has a decoder in DecodeLog: a follower
// that met an event it cannot decode would stop (it retries the same log
// for ever), so a new event without one fails here, not in a daemon.
func TestDecodeLogKnowsEveryEvent(t *testing.T) {
	reg := bindings.NewRegistry()
	a := reg.GetABI()
	for name, ev := range a.Events {
		l := &types.Log{Topics: []common.Hash{ev.ID}}
		var nonIndexed abi.Arguments
		for _, in := range ev.Inputs {
			if in.Indexed {
				l.Topics = append(l.Topics, common.Hash{})
			} else {
				nonIndexed = append(nonIndexed, in)
			}
		}
		// Zero values of the data arguments, ABI-encoded.
		vals := make([]any, len(nonIndexed))
		for i, in := range nonIndexed {
			vals[i] = reflect.Zero(in.Type.GetType()).Interface()
			if in.Type.T == abi.UintTy && in.Type.Size > 64 {
				vals[i] = new(big.Int)
			}
			if in.Type.T == abi.BytesTy {
				vals[i] = []byte{}
			}
			if in.Type.T == abi.StringTy {
				vals[i] = ""
			}
		}
		data, err := nonIndexed.Pack(vals...)
		if err != nil {
			t.Fatalf("%s: packing zero data: %v", name, err)
		}
		l.Data = data
		if _, err := acl.DecodeLog(reg, l); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
