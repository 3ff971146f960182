//go:build linux || darwin || freebsd || netbsd || openbsd

package storage

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockHolder returns the pid of the process holding the fcntl lock on
// file, or 0. kubo takes the repository lock with fcntl (F_SETLK) and does
// not say who holds it; F_GETLK does, so the error can name the process.
func lockHolder(file string) int {
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: 0, Len: 0}
	if err := unix.FcntlFlock(f.Fd(), unix.F_GETLK, &lk); err != nil {
		return 0
	}
	if lk.Type == unix.F_UNLCK {
		return 0
	}
	return int(lk.Pid)
}
