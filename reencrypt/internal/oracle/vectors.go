package oracle

// The file's schema, version 1 (mirrored by VectorFile in
// reencrypt/interop_test.go). Byte strings are hex, labels are text.
type VectorFile struct {
	Version     int              `json:"version"`
	Description string           `json:"description"`
	Oracle      string           `json:"oracle"`
	U           Hex              `json:"u"`
	Seed        Hex              `json:"seed"`
	Delegating  VectorKey        `json:"delegating"`
	Receiving   VectorKey        `json:"receiving"`
	Signer      VectorKey        `json:"signer"`
	Keys        []VectorKey      `json:"keys"`
	Secrets     []VectorSecret   `json:"secrets"`
	Factories   []VectorFactory  `json:"factories"`
	Signature   VectorSignature  `json:"signature"`
	Plaintext   Hex              `json:"plaintext"`
	Capsule     Hex              `json:"capsule"`
	Simple      Hex              `json:"capsule_simple"`
	Ciphertext  Hex              `json:"ciphertext"`
	KFragSets   []VectorKFragSet `json:"kfrag_sets"`
}

type VectorKey struct {
	Label string `json:"label"`
	SK    Hex    `json:"sk"`
	PK    Hex    `json:"pk"`
}

type VectorSecret struct {
	Label  string `json:"label"`
	Secret Hex    `json:"secret"`
}

type VectorFactory struct {
	Label    string `json:"label"`
	KeyLabel string `json:"key_label"`
	SK       Hex    `json:"sk"`
}

type VectorSignature struct {
	Message Hex `json:"message"`
	Sig     Hex `json:"sig"`
}

type VectorKFragSet struct {
	Threshold      int   `json:"threshold"`
	Shares         int   `json:"shares"`
	SignDelegating bool  `json:"sign_delegating"`
	SignReceiving  bool  `json:"sign_receiving"`
	KFrags         []Hex `json:"kfrags"`
	CFrags         []Hex `json:"cfrags"` // CFrags[i] re-encrypts Capsule with KFrags[i]
}
