package daemon

import (
	"fmt"
	"slices"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// A minimal lookup of a dataset's saved description, for the campaign
// agent: the key "s/<name>" of the index's store holds its canonical JSON
// (FORMATS.md). PUT /v1/datasets/{name}/description writes it.

var describedPrefix = []byte("s/")

func describedKey(name string) []byte { return append(slices.Clone(describedPrefix), name...) }

// Description is the saved description of the dataset name, false when it
// has none (or what is stored does not parse).
func (ix *Index) Description(name string) (*describe.Description, bool) {
	b, ok, err := ix.db.Get(describedKey(name))
	if err != nil || !ok {
		return nil, false
	}
	d, err := describe.ParseDescription(b)
	if err != nil {
		return nil, false
	}
	return d, true
}

// SetDescription saves d as the description of the dataset name, which
// must be in the index.
func (ix *Index) SetDescription(name string, d *describe.Description) error {
	b := d.Bytes()
	if _, err := describe.ParseDescription(b); err != nil {
		return err
	}
	if _, ok := ix.Get(name); !ok {
		return fmt.Errorf("daemon: no dataset %q in the index", name)
	}
	return ix.db.Write(func(bt *kvstore.Batch) { bt.Put(describedKey(name), b) })
}

// Description is the saved description of this home's dataset name.
func (d *Daemon) Description(name string) (*describe.Description, bool) {
	return d.index.Description(name)
}
