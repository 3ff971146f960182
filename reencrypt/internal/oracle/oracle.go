// Package oracle drives tools/umbral-oracle.js, a Node process wrapping the
// npm package @nucypher/umbral-pre, so that pdx's tests and benchmarks can
// check the Go Umbral (package reencrypt) against an independent
// implementation of the same wire format, live, with fresh keys every run.
//
// It is test tooling: nothing in pdx's service imports it. The oracle speaks
// newline-delimited JSON (protocol 1, described in tools/umbral-oracle.js);
// byte strings cross the pipe as hex and come back as []byte here.
//
// The oracle needs Node 20 on PATH and the npm packages under
// tools/node_modules; when either is missing, Start returns an error wrapping
// ErrNotInstalled, whose text tells the reader to run `make npm`. Tests treat
// that as a failure, never as a reason to skip.
package oracle

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// Protocol is the version of the line protocol this client speaks; the
// oracle reports its own in the handshake and a mismatch fails Start.
const Protocol = 1

// UmbralVersion is the version of @nucypher/umbral-pre the interop tests are
// written against (pinned in tools/package-lock.json).
const UmbralVersion = "0.10.0"

var (
	// ErrNotInstalled means node or the npm packages are missing.
	ErrNotInstalled = errors.New("run `make npm` (Node 20 + npm needed)")
	// ErrRejected means the oracle refused a request: umbral-pre returned an
	// error (bad bytes, failed verification, failed decryption). The
	// concrete error is a *RejectedError carrying umbral-pre's message.
	ErrRejected = errors.New("umbral oracle rejected the request")
	// ErrClosed means the oracle process is gone (Close was called, or it
	// exited); the error wrapping it carries the tail of its stderr.
	ErrClosed = errors.New("umbral oracle is not running")
	// ErrProtocol means the oracle answered something this client cannot
	// read: an old or edited tools/umbral-oracle.js.
	ErrProtocol = errors.New("umbral oracle protocol error")
)

// RejectedError is umbral-pre's refusal of one request.
type RejectedError struct {
	Op      string // the oracle op, e.g. "verify-kfrag"
	Message string // umbral-pre's message, e.g. "Invalid kfrag signature"
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("umbral oracle %s: %s", e.Op, e.Message)
}

// Unwrap makes errors.Is(err, ErrRejected) true.
func (e *RejectedError) Unwrap() error { return ErrRejected }

// Kind names an object type for Reserialize.
type Kind string

// The kinds Reserialize accepts.
const (
	KindCapsule   Kind = "capsule"
	KindKeyFrag   Kind = "kfrag"
	KindCapsFrag  Kind = "cfrag"
	KindPublicKey Kind = "public-key"
	KindSecretKey Kind = "secret-key"
	KindSignature Kind = "signature"
)

// Oracle is one running oracle process. Its methods may be called from
// several goroutines; requests are matched to responses by id.
type Oracle struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *tailBuffer
	done   chan struct{} // closed when the reader goroutine ends
	info   Info

	closeOnce sync.Once
	closeErr  error

	mu      sync.Mutex // guards the fields below and writes to stdin
	nextID  int64
	pending map[int64]chan response
	err     error // why the oracle stopped; set once
}

// Info is what the oracle reports about itself in the handshake.
type Info struct {
	Protocol  int    `json:"protocol"`
	Node      string `json:"node"`
	UmbralPre string `json:"umbral_pre"`
}

type response struct {
	ID     *int64          `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *string         `json:"error"`
}

// RepoRoot walks up from the working directory to the directory holding
// go.mod: tests run in their package directory, `go run` at the root.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("umbral oracle: working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("umbral oracle: no go.mod above the working directory; run from inside the pdx repository")
		}
		dir = parent
	}
}

// Start launches `node tools/umbral-oracle.js` from the repository root and
// completes the handshake. ctx bounds the start-up only; the process runs
// until Close.
func Start(ctx context.Context) (*Oracle, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("umbral oracle: node not found on PATH: %w", ErrNotInstalled)
	}
	script := filepath.Join(root, "tools", "umbral-oracle.js")
	if _, err := os.Stat(script); err != nil {
		return nil, fmt.Errorf("umbral oracle: %s is missing (it belongs to the repository): %w", script, err)
	}
	pkg := filepath.Join(root, "tools", "node_modules", "@nucypher", "umbral-pre", "package.json")
	if _, err := os.Stat(pkg); err != nil {
		return nil, fmt.Errorf("umbral oracle: %s not found: %w", pkg, ErrNotInstalled)
	}

	cmd := exec.Command(node, script)
	cmd.Dir = filepath.Join(root, "tools")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("umbral oracle: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("umbral oracle: %w", err)
	}
	o := &Oracle{
		cmd:     cmd,
		stdin:   stdin,
		stderr:  &tailBuffer{max: 4096},
		done:    make(chan struct{}),
		pending: make(map[int64]chan response),
	}
	cmd.Stderr = o.stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("umbral oracle: starting %s: %w", node, err)
	}
	go o.readLoop(stdout)

	if err := o.call(ctx, "version", nil, &o.info); err != nil {
		_ = o.Close()
		return nil, err
	}
	if o.info.Protocol != Protocol {
		_ = o.Close()
		return nil, fmt.Errorf("%w: oracle speaks protocol %d, this client %d", ErrProtocol, o.info.Protocol, Protocol)
	}
	if o.info.UmbralPre != UmbralVersion {
		_ = o.Close()
		return nil, fmt.Errorf("umbral oracle: tools/node_modules has @nucypher/umbral-pre %s, want %s: %w", o.info.UmbralPre, UmbralVersion, ErrNotInstalled)
	}
	return o, nil
}

// Info returns what the oracle reported at start-up.
func (o *Oracle) Info() Info { return o.info }

// Close stops the oracle: it closes stdin (the oracle exits at end of
// input), waits for the process, and kills it if it lingers.
func (o *Oracle) Close() error {
	o.closeOnce.Do(func() { o.closeErr = o.stop() })
	return o.closeErr
}

func (o *Oracle) stop() error {
	o.mu.Lock()
	if o.err == nil {
		o.err = ErrClosed
	}
	o.mu.Unlock()
	_ = o.stdin.Close()
	select {
	case <-o.done:
	case <-time.After(5 * time.Second):
		_ = o.cmd.Process.Kill()
		<-o.done
	}
	err := o.cmd.Wait()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && exitErr.ExitCode() == -1 {
		return nil // killed by us above
	}
	if err != nil {
		return fmt.Errorf("umbral oracle exited: %w; stderr: %s", err, o.stderr.String())
	}
	return nil
}

func (o *Oracle) readLoop(stdout io.Reader) {
	defer close(o.done)
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	var failure error
	for sc.Scan() {
		var r response
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.ID == nil {
			failure = fmt.Errorf("%w: unreadable line %.200q", ErrProtocol, sc.Text())
			break
		}
		o.mu.Lock()
		ch := o.pending[*r.ID]
		delete(o.pending, *r.ID)
		o.mu.Unlock()
		if ch != nil {
			ch <- r // buffered
		}
	}
	if failure == nil {
		if err := sc.Err(); err != nil {
			failure = fmt.Errorf("umbral oracle: reading its output: %w", err)
		} else {
			failure = ErrClosed
		}
	}
	// Give stderr a moment to arrive so the error says why node stopped.
	time.Sleep(50 * time.Millisecond)
	o.mu.Lock()
	if o.err == nil || o.err == ErrClosed {
		if tail := o.stderr.String(); tail != "" {
			failure = fmt.Errorf("%w; its stderr: %s", failure, tail)
		}
		o.err = failure
	}
	pending := o.pending
	o.pending = map[int64]chan response{}
	o.mu.Unlock()
	for _, ch := range pending {
		close(ch)
	}
}

// call sends one request and decodes the result into out.
func (o *Oracle) call(ctx context.Context, op string, args map[string]any, out any) error {
	req := make(map[string]any, len(args)+2)
	for k, v := range args {
		req[k] = v
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("umbral oracle %s: %w", op, err)
	}
	ch := make(chan response, 1)
	o.mu.Lock()
	if o.err != nil {
		err := o.err
		o.mu.Unlock()
		return fmt.Errorf("umbral oracle %s: %w", op, err)
	}
	o.nextID++
	id := o.nextID
	req["id"], req["op"] = id, op
	line, err := json.Marshal(req)
	if err != nil {
		o.mu.Unlock()
		return fmt.Errorf("umbral oracle %s: encoding the request: %w", op, err)
	}
	o.pending[id] = ch
	_, err = o.stdin.Write(append(line, '\n'))
	if err != nil {
		delete(o.pending, id)
		o.mu.Unlock()
		return fmt.Errorf("umbral oracle %s: writing the request: %w (%w)", op, err, ErrClosed)
	}
	o.mu.Unlock()

	select {
	case <-ctx.Done():
		o.mu.Lock()
		delete(o.pending, id)
		o.mu.Unlock()
		return fmt.Errorf("umbral oracle %s: %w", op, ctx.Err())
	case r, ok := <-ch:
		if !ok {
			o.mu.Lock()
			err := o.err
			o.mu.Unlock()
			return fmt.Errorf("umbral oracle %s: %w", op, err)
		}
		if r.Error != nil {
			return &RejectedError{Op: op, Message: *r.Error}
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(r.Result, out); err != nil {
			return fmt.Errorf("%w: %s result %.200s: %v", ErrProtocol, op, r.Result, err)
		}
		return nil
	}
}

// Hex is a byte string that travels as a hex JSON string.
type Hex []byte

// MarshalJSON encodes h as a hex string (nil as null).
func (h Hex) MarshalJSON() ([]byte, error) {
	if h == nil {
		return []byte("null"), nil
	}
	return json.Marshal(hex.EncodeToString(h))
}

// UnmarshalJSON decodes a hex string.
func (h *Hex) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*h = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	d, err := hex.DecodeString(s)
	if err != nil {
		return err
	}
	*h = d
	return nil
}

// hexOrNil sends an absent optional key as null; a non-nil empty slice
// still goes as "" so the oracle rejects it rather than treating it as absent.
func hexOrNil(b []byte) Hex {
	if b == nil {
		return nil
	}
	return Hex(b)
}

func hexList(bs [][]byte) []Hex {
	out := make([]Hex, len(bs))
	for i, b := range bs {
		out[i] = Hex(b)
		if b == nil {
			out[i] = Hex{}
		}
	}
	return out
}

func bytesList(hs []Hex) [][]byte {
	out := make([][]byte, len(hs))
	for i, h := range hs {
		out[i] = h
	}
	return out
}

// ParameterU returns umbral-pre's second generator U, compressed.
func (o *Oracle) ParameterU(ctx context.Context) ([]byte, error) {
	var r struct{ U Hex }
	err := o.call(ctx, "parameters-u", nil, &r)
	return r.U, err
}

// Keygen returns a fresh random secret key (32 bytes big-endian) and its
// compressed public key.
func (o *Oracle) Keygen(ctx context.Context) (sk, pk []byte, err error) {
	var r struct{ SK, PK Hex }
	err = o.call(ctx, "keygen", nil, &r)
	return r.SK, r.PK, err
}

// PublicKey returns the compressed public key of sk.
func (o *Oracle) PublicKey(ctx context.Context, sk []byte) ([]byte, error) {
	var r struct{ PK Hex }
	err := o.call(ctx, "pk-from-sk", map[string]any{"sk": Hex(sk)}, &r)
	return r.PK, err
}

// MakeKey returns SecretKeyFactory(seed).MakeKey(label) as 32 bytes.
func (o *Oracle) MakeKey(ctx context.Context, seed, label []byte) ([]byte, error) {
	var r struct{ SK Hex }
	err := o.call(ctx, "make-key", map[string]any{"seed": Hex(seed), "label": Hex(label)}, &r)
	return r.SK, err
}

// MakeSecret returns SecretKeyFactory(seed).MakeSecret(label).
func (o *Oracle) MakeSecret(ctx context.Context, seed, label []byte) ([]byte, error) {
	var r struct{ Secret Hex }
	err := o.call(ctx, "make-secret", map[string]any{"seed": Hex(seed), "label": Hex(label)}, &r)
	return r.Secret, err
}

// MakeFactoryKey returns SecretKeyFactory(seed).MakeFactory(label).MakeKey(keyLabel).
func (o *Oracle) MakeFactoryKey(ctx context.Context, seed, label, keyLabel []byte) ([]byte, error) {
	var r struct{ SK Hex }
	err := o.call(ctx, "make-factory-key", map[string]any{"seed": Hex(seed), "label": Hex(label), "key_label": Hex(keyLabel)}, &r)
	return r.SK, err
}

// Sign signs msg with sk (ECDSA over SHA-256), returning r‖s.
func (o *Oracle) Sign(ctx context.Context, sk, msg []byte) ([]byte, error) {
	var r struct{ Sig Hex }
	err := o.call(ctx, "sign", map[string]any{"sk": Hex(sk), "msg": Hex(msg)}, &r)
	return r.Sig, err
}

// VerifySignature reports whether sig (r‖s) is pk's signature of msg.
func (o *Oracle) VerifySignature(ctx context.Context, pk, msg, sig []byte) (bool, error) {
	var r struct{ OK bool }
	err := o.call(ctx, "verify-signature", map[string]any{"pk": Hex(pk), "msg": Hex(msg), "sig": Hex(sig)}, &r)
	return r.OK, err
}

// Encrypt encrypts pt to pk, returning the capsule's bytes and the ciphertext.
func (o *Oracle) Encrypt(ctx context.Context, pk, pt []byte) (capsule, ct []byte, err error) {
	var r struct{ Capsule, CT Hex }
	err = o.call(ctx, "encrypt", map[string]any{"pk": Hex(pk), "pt": Hex(pt)}, &r)
	return r.Capsule, r.CT, err
}

// DecryptOriginal decrypts ct with the delegating secret key.
func (o *Oracle) DecryptOriginal(ctx context.Context, sk, capsule, ct []byte) ([]byte, error) {
	var r struct{ PT Hex }
	err := o.call(ctx, "decrypt-original", map[string]any{"sk": Hex(sk), "capsule": Hex(capsule), "ct": Hex(ct)}, &r)
	return r.PT, err
}

// KFragParams are generateKFrags' arguments.
type KFragParams struct {
	DelegatingSK   []byte // sk_A
	ReceivingPK    []byte // pk_B
	SignerSK       []byte // the signer's secret key
	Threshold      int
	Shares         int
	SignDelegating bool
	SignReceiving  bool
}

// GenerateKFrags returns the kfrags' bytes.
func (o *Oracle) GenerateKFrags(ctx context.Context, p KFragParams) ([][]byte, error) {
	var r struct{ KFrags []Hex }
	err := o.call(ctx, "generate-kfrags", map[string]any{
		"sk": Hex(p.DelegatingSK), "pk_b": Hex(p.ReceivingPK), "signer_sk": Hex(p.SignerSK),
		"threshold": p.Threshold, "shares": p.Shares,
		"sign_delegating": p.SignDelegating, "sign_receiving": p.SignReceiving,
	}, &r)
	return bytesList(r.KFrags), err
}

// VerifyKFrag verifies a kfrag; pkA or pkB nil means "not supplied". It
// returns the verified kfrag re-serialized by the oracle.
func (o *Oracle) VerifyKFrag(ctx context.Context, kfrag, vk, pkA, pkB []byte) ([]byte, error) {
	var r struct{ KFrag Hex }
	err := o.call(ctx, "verify-kfrag", map[string]any{
		"kfrag": Hex(kfrag), "vk": Hex(vk), "pk_a": hexOrNil(pkA), "pk_b": hexOrNil(pkB),
	}, &r)
	return r.KFrag, err
}

// Reencrypt verifies kfrag (as VerifyKFrag) and re-encrypts capsule with it,
// returning the cfrag's bytes.
func (o *Oracle) Reencrypt(ctx context.Context, capsule, kfrag, vk, pkA, pkB []byte) ([]byte, error) {
	var r struct{ CFrag Hex }
	err := o.call(ctx, "reencrypt", map[string]any{
		"capsule": Hex(capsule), "kfrag": Hex(kfrag), "vk": Hex(vk), "pk_a": hexOrNil(pkA), "pk_b": hexOrNil(pkB),
	}, &r)
	return r.CFrag, err
}

// VerifyCFrag verifies a cfrag against its capsule and keys, returning the
// verified cfrag re-serialized by the oracle.
func (o *Oracle) VerifyCFrag(ctx context.Context, capsule, cfrag, vk, pkA, pkB []byte) ([]byte, error) {
	var r struct{ CFrag Hex }
	err := o.call(ctx, "verify-cfrag", map[string]any{
		"capsule": Hex(capsule), "cfrag": Hex(cfrag), "vk": Hex(vk), "pk_a": Hex(pkA), "pk_b": Hex(pkB),
	}, &r)
	return r.CFrag, err
}

// DecryptReencrypted verifies every cfrag (against capsule, vk, pkA and skB's
// public key) and decrypts ct with them.
func (o *Oracle) DecryptReencrypted(ctx context.Context, skB, pkA, capsule []byte, cfrags [][]byte, vk, ct []byte) ([]byte, error) {
	var r struct{ PT Hex }
	err := o.call(ctx, "decrypt-reencrypted", map[string]any{
		"sk_b": Hex(skB), "pk_a": Hex(pkA), "capsule": Hex(capsule), "cfrags": hexList(cfrags), "vk": Hex(vk), "ct": Hex(ct),
	}, &r)
	return r.PT, err
}

// Reserialize decodes b as kind in the oracle and returns its encoding
// again, plus the simple form for capsules and cfrags (nil otherwise).
func (o *Oracle) Reserialize(ctx context.Context, kind Kind, b []byte) (encoded, simple []byte, err error) {
	var r struct{ Bytes, Simple Hex }
	err = o.call(ctx, "reserialize", map[string]any{"kind": string(kind), "bytes": Hex(b)}, &r)
	return r.Bytes, r.Simple, err
}

// BenchResult holds the oracle's timings in microseconds per operation.
type BenchResult struct {
	Iterations         int     `json:"iterations"`
	Warmup             int     `json:"warmup"`
	Encrypt            float64 `json:"encrypt_us"`
	GenerateKFrags     float64 `json:"generate_kfrags_us"`
	VerifyKFrag        float64 `json:"verify_kfrag_us"`
	Reencrypt          float64 `json:"reencrypt_us"`
	VerifyCFrag        float64 `json:"verify_cfrag_us"`
	DecryptReencrypted float64 `json:"decrypt_reencrypted_us"`
}

// Bench times each operation inside the oracle: warmup untimed runs, then
// iterations timed ones (see the bench op in tools/umbral-oracle.js).
func (o *Oracle) Bench(ctx context.Context, iterations, warmup int) (BenchResult, error) {
	var r BenchResult
	err := o.call(ctx, "bench", map[string]any{"iterations": iterations, "warmup": warmup}, &r)
	return r, err
}

// tailBuffer keeps the last max bytes written to it (the oracle's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf.Write(p)
	if over := t.buf.Len() - t.max; over > 0 {
		t.buf.Next(over)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.TrimSpace(t.buf.Bytes()))
}
