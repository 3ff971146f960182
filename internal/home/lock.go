package home

import (
	"fmt"
	"os"
	"path/filepath"
)

// LockedError says which process holds the home.
type LockedError struct {
	Dir string
	PID int // 0 when the holder could not be read
}

func (e *LockedError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = fmt.Sprintf("process %d", e.PID)
	}
	return fmt.Sprintf("%v: %s holds %s (a pdx daemon?); stop it, or use another --home", ErrLocked, who, filepath.Join(e.Dir, LockFile))
}

func (e *LockedError) Unwrap() error { return ErrLocked }

// Lock is held by the one daemon that uses a home, so two daemons never
// write the same keys, salts, chain and IPFS repository.
type Lock struct {
	f    *os.File
	path string
}

// Lock takes the home's lock without waiting: ErrLocked (a *LockedError
// naming the holder's pid) if another process has it.
func (h *Home) Lock() (*Lock, error) { return LockDir(h.dir) }

// Release gives the lock up. The operating system also releases it when the
// process dies, so a crash never leaves a stale lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f, l.path)
	l.f = nil
	return err
}
