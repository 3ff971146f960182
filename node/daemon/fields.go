package daemon

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/reencrypt"
)

// Field-split versions (node/fieldsplit/FIELDS.md): a put with ?fields=json
// or ?fields=csv splits the document into field groups, each sealed under
// its own key derived from the dataset's salt and the group's name.

// VersionField is one field group of a split version, as the index keeps
// it and the API shows it.
type VersionField struct {
	Name        string   `json:"name"`
	Paths       []string `json:"paths"`
	CID         string   `json:"cid"`
	Fingerprint string   `json:"fingerprint"` // 0x-hex of the envelope commitment
	Size        int64    `json:"size"`
}

func (v Version) fieldCIDs() ([]cid.Cid, error) {
	var out []cid.Cid
	for _, f := range v.Fields {
		c, err := cid.Decode(f.CID)
		if err != nil {
			return nil, fmt.Errorf("field %q has CID %q: %v", f.Name, f.CID, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// FieldNames lists a split version's field groups.
func (v Version) FieldNames() []string {
	n := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		n[i] = f.Name
	}
	return n
}

// splitRequest is a put's ?fields= and ?schema=.
type splitRequest struct {
	format fieldsplit.Format
	schema *fieldsplit.Schema
}

// splitOf reads a put's split parameters; bad ones are refused before
// anything is created.
func splitOf(r *http.Request) (splitRequest, error) {
	q := r.URL.Query()
	f := q.Get("fields")
	var sr splitRequest
	switch f {
	case "":
		if q.Get("schema") != "" {
			return sr, badRequest("schema= needs fields=json or fields=csv")
		}
		return sr, nil
	case "json", "csv":
		sr.format = fieldsplit.Format(f)
	default:
		return sr, badRequest("fields=%q: a version is split as json or csv", f)
	}
	if s := q.Get("schema"); s != "" {
		schema, err := fieldsplit.ParseSchema([]byte(s))
		if err != nil {
			return sr, err
		}
		sr.schema = schema
	}
	return sr, nil
}

// putFields reads the whole document (a split needs it in memory, bounded
// by fieldsplit.MaxDocument) and stores it split.
func (d *Daemon) putFields(ctx context.Context, name string, id uint64, sr splitRequest, body io.Reader) (*service.PutResult, []VersionField, error) {
	doc, err := io.ReadAll(io.LimitReader(body, fieldsplit.MaxDocument+1))
	if err != nil {
		return nil, nil, err
	}
	local, err := d.h.Dataset(name)
	if err != nil {
		return nil, nil, err
	}
	res, err := d.s.PutFields(ctx, service.PutFieldsRequest{
		Dataset: id, Format: sr.format, Doc: doc, Schema: sr.schema, PinName: "pdx/" + name,
		Key: func(field string) (*reencrypt.SecretKey, error) { return d.h.FieldKey(local.Salt, field) },
	})
	if err != nil {
		return nil, nil, err
	}
	fields := make([]VersionField, len(res.Fields))
	for i, f := range res.Fields {
		fields[i] = VersionField{Name: f.Name, Paths: f.Paths, CID: f.CID, Fingerprint: "0x" + f.Fingerprint, Size: f.Size}
	}
	return &res.PutResult, fields, nil
}

// FieldKeys derives the keys of field group name of the local dataset with
// this chain id: one per salt, current first (service.FieldKeyring).
func (k homeKeys) FieldKeys(_ context.Context, dataset uint64, name string) ([]*reencrypt.SecretKey, error) {
	for _, e := range k.d.index.List() {
		if e.ID != dataset || e.ID == 0 {
			continue
		}
		local, err := k.d.h.Dataset(e.Name)
		if errors.Is(err, home.ErrDatasetNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		var keys []*reencrypt.SecretKey
		for _, salt := range local.Salts() {
			fk, err := k.d.h.FieldKey(salt, name)
			if err != nil {
				return nil, err
			}
			keys = append(keys, fk)
		}
		return keys, nil
	}
	return nil, nil
}

// latestFields is the field groups of the dataset's newest version: what a
// field grant of it can name. Empty when that version is not split.
func latestFields(e Entry) []string {
	if len(e.Versions) == 0 {
		return nil
	}
	return e.Versions[len(e.Versions)-1].FieldNames()
}

// grantFields checks a grant's field names against the dataset's newest
// version and derives their current keys; nil for a grant of the whole
// dataset.
func (d *Daemon) grantFields(name string, e Entry, names []string) ([]service.FieldGrant, error) {
	if len(names) == 0 {
		return nil, nil
	}
	have := latestFields(e)
	if len(have) == 0 {
		return nil, cli.Say(badRequest("dataset %q has no version split into fields: put one with fields=json or fields=csv first", name),
			fmt.Sprintf("the newest version of %q is not split into fields: put it again with pdx put FILE --dataset %s --fields, then grant its fields", name, name))
	}
	sel, err := fieldsplit.SelectFrom(have, names)
	if err != nil {
		return nil, err
	}
	local, err := d.h.Dataset(name)
	if err != nil {
		return nil, err
	}
	out := make([]service.FieldGrant, len(sel))
	for i, n := range sel {
		k, err := d.h.FieldKey(local.Salt, n)
		if err != nil {
			return nil, err
		}
		out[i] = service.FieldGrant{Name: n, Key: k}
	}
	return out, nil
}
