package home

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/pdx-network/pdx/internal/fsutil"
)

// Dataset is one dataset's salt file, datasets/<name>.json. The salt selects
// the dataset's delegating key (Unlocked.DatasetKey); older salts stay in
// Rotations so versions put before a rotation can still be opened by the
// owner. Erasing the dataset deletes the file, and with it every salt.
type Dataset struct {
	Version   int           `json:"version"`
	Name      string        `json:"id"` // the dataset's local name; the key says "id" since format 1
	Salt      hexutil.Bytes `json:"salt"`
	Created   time.Time     `json:"created"`
	Rotations []Rotation    `json:"rotations"`
}

// Rotation is a salt a dataset used before a rotation.
type Rotation struct {
	Salt    hexutil.Bytes `json:"salt"`
	Created time.Time     `json:"created"`
	Retired time.Time     `json:"retired"`
}

// Salts returns the current salt first, then older ones, newest first.
func (d *Dataset) Salts() [][]byte {
	out := [][]byte{d.Salt}
	for i := len(d.Rotations) - 1; i >= 0; i-- {
		out = append(out, d.Rotations[i].Salt)
	}
	return out
}

var datasetName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// ValidDatasetName checks that name can name a dataset: 1 to 128 letters,
// digits, '.', '_' or '-', starting with a letter or digit. The rule keeps
// names usable as file names on every system and out of path tricks. The
// name is local to this home; the chain knows the dataset by its uint64 id.
func ValidDatasetName(name string) error {
	if !datasetName.MatchString(name) {
		return fmt.Errorf("%w %q: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit", ErrBadDatasetName, name)
	}
	return nil
}

func (h *Home) datasetPath(name string) string {
	return filepath.Join(h.dir, DatasetsDir, name+".json")
}

func newSalt() (hexutil.Bytes, error) {
	s := make([]byte, SaltSize)
	if _, err := rand.Read(s); err != nil {
		return nil, fmt.Errorf("reading randomness for a dataset salt: %w", err)
	}
	return s, nil
}

// CreateDataset makes a dataset with a fresh random salt. It never replaces
// an existing dataset (ErrDatasetExists), even against a concurrent creator:
// the file is linked into place, which fails if the name is taken.
func (h *Home) CreateDataset(name string) (*Dataset, error) {
	if err := ValidDatasetName(name); err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	salt, err := newSalt()
	if err != nil {
		return nil, err
	}
	d := &Dataset{Version: FormatVersion, Name: name, Salt: salt, Created: time.Now().UTC(), Rotations: []Rotation{}}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(h.dir, DatasetsDir)
	tmp, err := os.CreateTemp(dir, "."+name+".json.tmp-*")
	if err != nil {
		return nil, fmt.Errorf("creating dataset %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(append(data, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("creating dataset %s: %w", name, err)
	}
	if err := os.Link(tmp.Name(), h.datasetPath(name)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%w: %q (its salt is in %s)", ErrDatasetExists, name, h.datasetPath(name))
		}
		return nil, fmt.Errorf("creating dataset %s: %w", name, err)
	}
	if err := os.Remove(tmp.Name()); err != nil {
		return nil, err
	}
	if err := fsutil.SyncDir(dir); err != nil {
		return nil, err
	}
	return d, nil
}

// Dataset reads one dataset's salt file.
func (h *Home) Dataset(name string) (*Dataset, error) {
	if err := ValidDatasetName(name); err != nil {
		return nil, err
	}
	return h.readDataset(name)
}

func (h *Home) readDataset(name string) (*Dataset, error) {
	data, err := os.ReadFile(h.datasetPath(name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %q has no salt in %s (never created here, or erased)", ErrDatasetNotFound, name, filepath.Join(h.dir, DatasetsDir))
		}
		return nil, err
	}
	var d Dataset
	if err := strictJSON(data, &d); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, h.datasetPath(name), err)
	}
	if d.Version != FormatVersion || d.Name != name || len(d.Salt) != SaltSize {
		return nil, fmt.Errorf("%w: %s is not a version-%d salt file for %q with a %d-byte salt", ErrCorrupt, h.datasetPath(name), FormatVersion, name, SaltSize)
	}
	for _, r := range d.Rotations {
		if len(r.Salt) != SaltSize {
			return nil, fmt.Errorf("%w: %s: a retired salt is not %d bytes", ErrCorrupt, h.datasetPath(name), SaltSize)
		}
	}
	if d.Rotations == nil {
		d.Rotations = []Rotation{}
	}
	return &d, nil
}

// Datasets lists every dataset, sorted by name.
func (h *Home) Datasets() ([]*Dataset, error) {
	entries, err := os.ReadDir(filepath.Join(h.dir, DatasetsDir))
	if err != nil {
		return nil, fmt.Errorf("listing datasets: %w", err)
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok && !e.IsDir() && ValidDatasetName(name) == nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	out := make([]*Dataset, 0, len(names))
	for _, name := range names {
		d, err := h.readDataset(name)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// RotateDataset gives the dataset a fresh salt, keeping the old one in
// Rotations: versions put from now on are under a key no earlier kfrag
// reaches.
func (h *Home) RotateDataset(name string) (*Dataset, error) {
	if err := ValidDatasetName(name); err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	d, err := h.readDataset(name)
	if err != nil {
		return nil, err
	}
	salt, err := newSalt()
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	d.Rotations = append(d.Rotations, Rotation{Salt: d.Salt, Created: d.Created, Retired: now})
	d.Salt, d.Created = salt, now
	if err := writeJSON(h.datasetPath(name), d); err != nil {
		return nil, err
	}
	return d, nil
}

// EraseDataset deletes the dataset's salt file (current and retired salts)
// and makes the deletion durable. Without a salt no key of the dataset can
// be derived again: its ciphertext anywhere becomes unreadable to the owner
// and to anyone granted later. Backups of the home still hold the salt, and
// a file system may keep freed blocks; both are outside pdx's reach.
func (h *Home) EraseDataset(name string) error {
	if err := ValidDatasetName(name); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, err := os.Stat(h.datasetPath(name)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %q has no salt here (already erased?)", ErrDatasetNotFound, name)
	}
	return fsutil.RemoveDurable(h.datasetPath(name))
}
