//go:build !unix

package home

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockDir takes the lock of the home in dir. Without flock(2) the lock is
// the exclusive creation of daemon.lock, which a crash leaves behind: the
// error names the pid so the owner can check it is gone and remove the file.
func LockDir(dir string) (*Lock, error) {
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			pid := 0
			if b, rerr := os.ReadFile(path); rerr == nil {
				pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			}
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		return nil, fmt.Errorf("creating the home's lock %s: %w", path, err)
	}
	if _, err := f.WriteString(strconv.Itoa(os.Getpid()) + "\n"); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("writing the pid to %s: %w", path, err)
	}
	return &Lock{f: f, path: path}, nil
}

func unlockFile(f *os.File, path string) error {
	f.Close()
	return os.Remove(path)
}
