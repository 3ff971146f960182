package proxy_test

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestCFragsGroupsByKeyFragSet: right after a re-grant some proxies still
// answer with the old grant's kfrags. The client must combine only cfrags of
// one kfrag set: it succeeds when one set reaches the threshold, and when
// none does it says the proxies answered under different grants.
func TestCFragsGroupsByKeyFragSet(t *testing.T) {
	owner, _ := reencrypt.GenerateSecretKey()
	brand, _ := reencrypt.GenerateSecretKey()
	signingKey, _ := reencrypt.GenerateSecretKey()
	signer := reencrypt.NewSigner(signingKey)
	capsule, ct, err := reencrypt.Encrypt(owner.PublicKey(), []byte("age,city"))
	if err != nil {
		t.Fatal(err)
	}
	oldSet, err := reencrypt.GenerateKFrags(owner, brand.PublicKey(), signer, 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	newSet, err := reencrypt.GenerateKFrags(owner, brand.PublicKey(), signer, 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	serve := func(kf *reencrypt.VerifiedKeyFrag) proxy.Endpoint {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cf, err := reencrypt.Reencrypt(capsule, kf)
			if err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			json.NewEncoder(w).Encode(proxy.ReencryptResponse{CFrag: hex.EncodeToString(cf.Bytes()), Block: 1})
		}))
		t.Cleanup(srv.Close)
		key, _ := crypto.GenerateKey()
		return proxy.Endpoint{Address: crypto.PubkeyToAddress(key.PublicKey), URL: srv.URL}
	}
	key, _ := crypto.GenerateKey()
	cl := &proxy.Client{Key: key, Purpose: "analytics", Domain: proxy.Domain{ChainID: big.NewInt(1337), Registry: common.Address{1}}}
	verify := func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
		return cf.Verify(capsule, signingKey.PublicKey(), owner.PublicKey(), brand.PublicKey())
	}

	// One proxy still on the old grant, two on the new: the new set wins.
	eps := []proxy.Endpoint{serve(oldSet[0]), serve(newSet[1]), serve(newSet[2])}
	for range 5 { // answers arrive in any order
		cfs, err := cl.CFrags(t.Context(), 1, capsule, eps, 2, verify)
		if err != nil {
			t.Fatalf("one old and two new kfrags: %v", err)
		}
		if _, err := reencrypt.DecryptReencrypted(brand, owner.PublicKey(), capsule, cfs, ct); err != nil {
			t.Fatalf("the cfrags returned do not combine: %v", err)
		}
	}

	// One of each, threshold 2: no set reaches it, and the error says why.
	_, err = cl.CFrags(t.Context(), 1, capsule, eps[:2], 2, verify)
	var refused *proxy.RefusedError
	if !errors.As(err, &refused) || refused.Mixed != 2 || refused.Got != 1 {
		t.Fatalf("one old and one new kfrag: %v (%#v), want a refusal naming 2 grants", err, refused)
	}
	t.Log(err)
}
