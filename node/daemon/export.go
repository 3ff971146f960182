package daemon

import (
	"archive/tar"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/internal/cli"
)

// Export (POST /v1/export) hands the owner everything needed to keep their
// data without this node: a tar stream of two files, manifest.json (the
// datasets, versions and grants, and the dataset keys when asked) and
// data.car (a CARv1 of every version's blocks, importable by any IPFS
// implementation). The manifest's format is in FORMATS.md.

// Names inside the export's tar stream.
const (
	ExportManifest = "manifest.json"
	ExportCAR      = "data.car"
)

// ExportVersion is the version of manifest.json this package writes.
const ExportVersion = 1

// ErrNothingToExport: the home has no dataset with a version.
var ErrNothingToExport = errors.New("daemon: nothing to export")

// ExportRequest is the body of POST /v1/export.
type ExportRequest struct {
	// Keys adds every dataset's keys (current first, then retired ones)
	// to the manifest: with them the CAR opens without the pdx home.
	Keys bool `json:"keys"`
}

// Manifest is manifest.json of an export.
type Manifest struct {
	Version  int               `json:"version"`
	Exported time.Time         `json:"exported"`
	Account  string            `json:"account"`
	ChainID  uint64            `json:"chain_id"`
	Registry string            `json:"registry"`
	CAR      string            `json:"car"`
	Roots    []string          `json:"roots"`
	Datasets []ManifestDataset `json:"datasets"`
}

// ManifestDataset is one dataset of an export.
type ManifestDataset struct {
	Name     string      `json:"name"`
	ID       uint64      `json:"id"`
	Created  time.Time   `json:"created"`
	Terms    string      `json:"terms,omitempty"`
	Versions []Version   `json:"versions"`
	Grants   []GrantView `json:"grants"`
	// Keys are the dataset's secret keys, 32-byte hex scalars, current
	// first; only when the export asked for them.
	Keys []string `json:"keys,omitempty"`
}

func (d *Daemon) export(w http.ResponseWriter, r *http.Request) error {
	var req ExportRequest
	if r.ContentLength != 0 {
		if err := decodeBody(r, &req); err != nil {
			return err
		}
	}
	// An export that a crash interrupted left its temporary CAR behind:
	// remove those first (an export running now keeps its open file).
	dir := filepath.Join(d.h.Dir(), StateDir)
	if old, err := filepath.Glob(filepath.Join(dir, ".export-*.car")); err == nil {
		for _, f := range old {
			os.Remove(f)
		}
	}
	tmp, err := os.CreateTemp(dir, ".export-*.car")
	if err != nil {
		return fmt.Errorf("making the export's temporary file: %w", err)
	}
	defer func() { tmp.Close(); os.Remove(tmp.Name()) }()

	// The CAR and the manifest are made under the lock, so no put, rotate
	// or erase runs in between and the two agree.
	m, err := func() (*Manifest, error) {
		d.mu.Lock()
		defer d.mu.Unlock()
		dom := d.s.Domain()
		m := &Manifest{Version: ExportVersion, Exported: time.Now().UTC(), Account: d.s.Address().Hex(),
			ChainID: dom.ChainID.Uint64(), Registry: dom.Registry.Hex(), CAR: ExportCAR, Roots: []string{}, Datasets: []ManifestDataset{}}
		var roots []cid.Cid
		book := d.termsBook()
		for _, e := range d.index.List() {
			md := ManifestDataset{Name: e.Name, ID: e.ID, Created: e.Created, Terms: e.Terms, Versions: e.Versions}
			for _, v := range e.Versions {
				c, err := cid.Decode(v.CID)
				if err != nil {
					return nil, fmt.Errorf("%w: version %d of %q has CID %q: %v", ErrDamaged, v.Version, e.Name, v.CID, err)
				}
				roots = append(roots, c)
				m.Roots = append(m.Roots, v.CID)
				// A split version's field envelopes are part of it.
				fcids, err := v.fieldCIDs()
				if err != nil {
					return nil, fmt.Errorf("%w: version %d of %q: %v", ErrDamaged, v.Version, e.Name, err)
				}
				for _, fc := range fcids {
					roots = append(roots, fc)
					m.Roots = append(m.Roots, fc.String())
				}
			}
			gs, err := d.s.DatasetGrants(r.Context(), e.ID)
			if err != nil {
				return nil, err
			}
			md.Grants = grantViews(gs, book)
			if req.Keys {
				keys, err := d.ownKeysOf(e.Name)
				if err != nil {
					return nil, err
				}
				for _, k := range keys {
					md.Keys = append(md.Keys, hex.EncodeToString(k.Bytes()))
				}
			}
			m.Datasets = append(m.Datasets, md)
		}
		if len(roots) == 0 {
			return nil, cli.Say(fmt.Errorf("%w: this home has no dataset with a version; put one first with POST /v1/datasets/{name}/versions", ErrNothingToExport),
				"this home has no dataset with a version to export: put a file first (pdx put FILE --dataset NAME)")
		}
		if err := d.s.ExportCAR(r.Context(), tmp, roots...); err != nil {
			return nil, fmt.Errorf("writing the CAR of %d versions: %w", len(roots), err)
		}
		return m, nil
	}()
	if err != nil {
		return err
	}
	// The CAR writer may seek within the file: its size is the file's.
	fi, err := tmp.Stat()
	if err != nil {
		return err
	}
	size := fi.Size()
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	manifest = append(manifest, '\n')

	w.Header().Set("Content-Type", "application/x-tar")
	w.Header().Set("Content-Disposition", `attachment; filename="pdx-export.tar"`)
	w.WriteHeader(http.StatusOK)
	tw := tar.NewWriter(w)
	hdr := func(name string, n int64) *tar.Header {
		return &tar.Header{Name: name, Mode: 0o600, Size: n, ModTime: m.Exported, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
	}
	// From here on a failure aborts the connection (wrap), so a client
	// never takes a truncated tar for a whole one.
	if err := tw.WriteHeader(hdr(ExportManifest, int64(len(manifest)))); err != nil {
		return err
	}
	if _, err := tw.Write(manifest); err != nil {
		return err
	}
	if err := tw.WriteHeader(hdr(ExportCAR, size)); err != nil {
		return err
	}
	if _, err := io.Copy(tw, tmp); err != nil {
		return err
	}
	return tw.Close()
}
