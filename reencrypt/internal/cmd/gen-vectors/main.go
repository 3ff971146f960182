// Command gen-vectors writes reencrypt/testdata/vectors.json: Umbral objects
// made by umbral-pre 0.10 (through tools/umbral-oracle.js) for a fixed
// SecretKeyFactory seed, which TestStoredVectors checks pdx against without
// node. Run it by hand from the repository root after `make npm`:
//
//	go run ./reencrypt/internal/cmd/gen-vectors
//
// Keys are derived from the seed, so they are the same on every run; the
// capsule, kfrags, cfrags and signature carry umbral-pre's internal
// randomness, so each run writes different (equally valid) objects. The
// file is therefore generated once and committed; regenerate it only when
// its format version changes.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pdx-network/pdx/reencrypt/internal/oracle"
)

// The vector file's schema lives with the oracle (oracle.VectorFile).
type (
	vectorFile     = oracle.VectorFile
	vectorKey      = oracle.VectorKey
	vectorSecret   = oracle.VectorSecret
	vectorFactory  = oracle.VectorFactory
	vectorKFragSet = oracle.VectorKFragSet
)

const description = "pdx Umbral test vectors, format version 1. Made by umbral-pre (see oracle) " +
	"with go run ./reencrypt/internal/cmd/gen-vectors. Keys: SecretKeyFactory(seed).MakeKey(label); " +
	"secrets: MakeSecret(label); factories: MakeFactory(label).MakeKey(key_label). " +
	"capsule/ciphertext: encrypt(delegating.pk, plaintext). signature: signer's ECDSA (r||s) of message. " +
	"kfrag_sets: generateKFrags(delegating.sk, receiving.pk, Signer(signer.sk), threshold, shares, " +
	"sign_delegating, sign_receiving); cfrags[i] = reencrypt(capsule, kfrags[i]). " +
	"Byte strings are lowercase hex; labels are UTF-8 text."

// datasetLabel is a label of the form pdx uses for per-dataset keys.
const datasetLabel = "pdx/dataset/9c1185a5c5e9fc54612808977ee8f548b2258d31e4f7c1c5d6a0d7d3e1e0f2a4"

func main() {
	out := flag.String("o", "", "output file (default: reencrypt/testdata/vectors.json under the repository root)")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen-vectors:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out == "" {
		root, err := oracle.RepoRoot()
		if err != nil {
			return err
		}
		out = filepath.Join(root, "reencrypt", "testdata", "vectors.json")
	}
	o, err := oracle.Start(ctx)
	if err != nil {
		return err
	}
	defer o.Close()

	v := vectorFile{
		Version:     1,
		Description: description,
		Oracle:      "@nucypher/umbral-pre " + o.Info().UmbralPre + " on Node " + o.Info().Node,
		Plaintext:   []byte("pdx umbral vector: a file key!!!"),
	}
	v.Seed = make([]byte, 32)
	for i := range v.Seed {
		v.Seed[i] = byte(i)
	}
	if v.U, err = o.ParameterU(ctx); err != nil {
		return err
	}

	key := func(label string) (vectorKey, error) {
		sk, err := o.MakeKey(ctx, v.Seed, []byte(label))
		if err != nil {
			return vectorKey{}, err
		}
		pk, err := o.PublicKey(ctx, sk)
		return vectorKey{Label: label, SK: sk, PK: pk}, err
	}
	if v.Delegating, err = key("pdx/vectors/delegating"); err != nil {
		return err
	}
	if v.Receiving, err = key("pdx/vectors/receiving"); err != nil {
		return err
	}
	if v.Signer, err = key("pdx/vectors/signer"); err != nil {
		return err
	}
	for _, label := range []string{"", "a", datasetLabel} {
		k, err := key(label)
		if err != nil {
			return err
		}
		v.Keys = append(v.Keys, k)
	}
	for _, label := range []string{"", datasetLabel} {
		s, err := o.MakeSecret(ctx, v.Seed, []byte(label))
		if err != nil {
			return err
		}
		v.Secrets = append(v.Secrets, vectorSecret{Label: label, Secret: s})
	}
	for _, fl := range [][2]string{{"pdx/owner", datasetLabel}, {"", ""}} {
		sk, err := o.MakeFactoryKey(ctx, v.Seed, []byte(fl[0]), []byte(fl[1]))
		if err != nil {
			return err
		}
		v.Factories = append(v.Factories, vectorFactory{Label: fl[0], KeyLabel: fl[1], SK: sk})
	}

	v.Signature.Message = []byte("pdx signed message")
	if v.Signature.Sig, err = o.Sign(ctx, v.Signer.SK, v.Signature.Message); err != nil {
		return err
	}

	if v.Capsule, v.Ciphertext, err = o.Encrypt(ctx, v.Delegating.PK, v.Plaintext); err != nil {
		return err
	}
	if _, v.Simple, err = o.Reserialize(ctx, oracle.KindCapsule, v.Capsule); err != nil {
		return err
	}

	for _, p := range []struct {
		t, n   int
		sd, sr bool
	}{{2, 3, true, true}, {3, 4, false, false}, {1, 2, true, false}, {2, 2, false, true}} {
		set := vectorKFragSet{Threshold: p.t, Shares: p.n, SignDelegating: p.sd, SignReceiving: p.sr}
		kfrags, err := o.GenerateKFrags(ctx, oracle.KFragParams{
			DelegatingSK: v.Delegating.SK, ReceivingPK: v.Receiving.PK, SignerSK: v.Signer.SK,
			Threshold: p.t, Shares: p.n, SignDelegating: p.sd, SignReceiving: p.sr,
		})
		if err != nil {
			return err
		}
		var cfrags [][]byte
		for _, kf := range kfrags {
			cf, err := o.Reencrypt(ctx, v.Capsule, kf, v.Signer.PK, v.Delegating.PK, v.Receiving.PK)
			if err != nil {
				return err
			}
			set.KFrags = append(set.KFrags, kf)
			set.CFrags = append(set.CFrags, cf)
			cfrags = append(cfrags, cf)
		}
		// The oracle checks its own output before it is stored.
		pt, err := o.DecryptReencrypted(ctx, v.Receiving.SK, v.Delegating.PK, v.Capsule, cfrags[:p.t], v.Signer.PK, v.Ciphertext)
		if err != nil {
			return err
		}
		if string(pt) != string(v.Plaintext) {
			return errors.New("the oracle's own cfrags do not decrypt to the plaintext")
		}
		v.KFragSets = append(v.KFragSets, set)
	}

	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Println("wrote", out)
	return nil
}
