package deploy

import (
	"errors"
	"fmt"
	"strings"
)

// ErrShell: a script uses shell syntax SplitScript does not read.
var ErrShell = errors.New("shell syntax")

// SplitScript splits the small sh scripts of docker-compose.yml into their
// simple commands, each as its words with quotes removed. It reads what
// those scripts use: words, '…' and "…" quoting with \ escapes, the
// operators && || ; | and newlines, { } grouping and redirections (dropped
// with their target). Variables ($X, "$X") stay as written, so a caller
// can see which the script reads.
func SplitScript(script string) ([][]string, error) {
	var cmds [][]string
	var cur []string
	var word strings.Builder
	inWord, skipNext := false, false
	endWord := func() {
		if !inWord {
			return
		}
		w := word.String()
		word.Reset()
		inWord = false
		if skipNext {
			skipNext = false
			return
		}
		cur = append(cur, w)
	}
	endCmd := func() {
		endWord()
		if len(cur) > 0 {
			cmds = append(cmds, cur)
		}
		cur = nil
	}
	for i := 0; i < len(script); i++ {
		ch := script[i]
		switch {
		case ch == '\'':
			end := strings.IndexByte(script[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("%w: unterminated ' quote", ErrShell)
			}
			word.WriteString(script[i+1 : i+1+end])
			inWord = true
			i += end + 1
		case ch == '"':
			j := i + 1
			for ; j < len(script) && script[j] != '"'; j++ {
				if script[j] == '\\' && j+1 < len(script) && strings.IndexByte("\"\\$`", script[j+1]) >= 0 {
					j++
				}
				word.WriteByte(script[j])
			}
			if j >= len(script) {
				return nil, fmt.Errorf("%w: unterminated \" quote", ErrShell)
			}
			inWord = true
			i = j
		case ch == '\\' && i+1 < len(script):
			if script[i+1] != '\n' {
				word.WriteByte(script[i+1])
				inWord = true
			}
			i++
		case ch == '\n' || ch == ';':
			endCmd()
		case ch == '&' || ch == '|':
			if i+1 < len(script) && script[i+1] == ch {
				i++
			} else if ch == '&' {
				return nil, fmt.Errorf("%w: background jobs (&) are not expected", ErrShell)
			}
			endCmd()
		case ch == '>' || ch == '<':
			// A redirection: drop it and its target ("2>" has its fd in
			// the word before, which is dropped too).
			if inWord && word.String() == "2" {
				word.Reset()
				inWord = false
			}
			endWord()
			if i+1 < len(script) && (script[i+1] == '>' || script[i+1] == '&') {
				i++
			}
			skipNext = true
		case ch == ' ' || ch == '\t':
			endWord()
		case (ch == '{' || ch == '}') && !inWord:
			endCmd()
		case ch == '#' && !inWord:
			nl := strings.IndexByte(script[i:], '\n')
			if nl < 0 {
				i = len(script)
			} else {
				i += nl - 1
			}
		default:
			word.WriteByte(ch)
			inWord = true
		}
	}
	endCmd()
	return cmds, nil
}
