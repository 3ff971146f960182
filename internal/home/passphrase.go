package home

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/pdx-network/pdx/internal/errkind"
	"golang.org/x/term"
)

// EnvPassphrase carries the passphrase for services that cannot be prompted.
const EnvPassphrase = "PDX_PASSPHRASE"

// Errors of ReadPassphrase.
var (
	ErrNoPassphrase       = errkind.New(errkind.Usage, "no passphrase given")
	ErrPassphraseMismatch = errkind.New(errkind.Usage, "the passphrases typed do not match")
)

// PassphraseSource says where a passphrase may come from. The first that
// is set wins: File, then $PDX_PASSPHRASE in Environ (empty counts as
// unset), then a prompt on Terminal when it is one.
type PassphraseSource struct {
	// File is --passphrase-file: its first line is the passphrase.
	File string
	// Environ is the process environment (os.Environ form).
	Environ []string
	// Terminal is read for a prompted passphrase (usually os.Stdin); no
	// prompt happens when it is nil or not a terminal.
	Terminal *os.File
	// Prompt receives the prompt text (usually os.Stderr).
	Prompt io.Writer
}

// ReadPassphrase returns the passphrase from src. With confirm (pdx init) a
// prompted passphrase is asked twice; a passphrase from a file or the
// environment is taken as it is. An empty passphrase is ErrEmptyPassphrase.
func ReadPassphrase(src PassphraseSource, confirm bool) (string, error) {
	if src.File != "" {
		b, err := os.ReadFile(src.File)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("%w: the passphrase file %s does not exist", ErrNoPassphrase, src.File)
			}
			return "", fmt.Errorf("reading the passphrase file: %w", err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		p := strings.TrimSuffix(line, "\r")
		if p == "" {
			return "", fmt.Errorf("%w: the first line of %s is empty", ErrEmptyPassphrase, src.File)
		}
		return p, nil
	}
	// An empty variable counts as unset, as service managers write it.
	for _, kv := range src.Environ {
		if v, ok := strings.CutPrefix(kv, EnvPassphrase+"="); ok && v != "" {
			return v, nil
		}
	}
	if src.Terminal == nil || !term.IsTerminal(int(src.Terminal.Fd())) {
		return "", fmt.Errorf("%w: not on a terminal, so pass --passphrase-file FILE or set %s", ErrNoPassphrase, EnvPassphrase)
	}
	prompt := src.Prompt
	if prompt == nil {
		prompt = io.Discard
	}
	p, err := prompted(src.Terminal, prompt, "Passphrase: ")
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", fmt.Errorf("%w: nothing was typed", ErrEmptyPassphrase)
	}
	if confirm {
		again, err := prompted(src.Terminal, prompt, "Repeat passphrase: ")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", fmt.Errorf("%w; nothing was created, run the command again", ErrPassphraseMismatch)
		}
	}
	return p, nil
}

// prompted reads one passphrase with echo off. Ctrl-C while typing restores
// the terminal (echo back on) and returns an error wrapping
// context.Canceled, instead of killing the process with echo still off.
func prompted(t *os.File, w io.Writer, text string) (string, error) {
	fd := int(t.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return "", fmt.Errorf("reading the terminal's state: %w", err)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)

	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	fmt.Fprint(w, text)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		fmt.Fprintln(w)
		if r.err != nil {
			return "", fmt.Errorf("reading the passphrase from the terminal: %w", r.err)
		}
		return string(r.b), nil
	case <-sig:
		term.Restore(fd, state)
		fmt.Fprintln(w)
		return "", fmt.Errorf("passphrase prompt interrupted; nothing was changed: %w", context.Canceled)
	}
}
