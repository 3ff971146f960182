package deploy

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Stage is one FROM … section of a Dockerfile.
type Stage struct {
	Name string // the AS name, lower case ("" when unnamed)
	From string // the base image or stage, with ARGs substituted
	// Env is the stage's own ENV settings, in order.
	Env [][2]string
	// Run is the stage's RUN commands (shell form), continuation lines joined.
	Run []string
	// Copies is the stage's COPY instructions as written.
	Copies []string
	User   string
	Line   int
}

// Dockerfile is what the tests need of a parsed Dockerfile.
type Dockerfile struct {
	Args   map[string]string // ARGs declared before the first FROM, with their defaults
	Stages []*Stage
}

// ErrDockerfile: the Dockerfile uses syntax this parser does not read.
var ErrDockerfile = errors.New("dockerfile")

// ParseDockerfile reads the subset of the Dockerfile syntax pdx's
// Dockerfile uses: comments, `\` continuations, ARG, FROM … AS, ENV
// key=value, RUN, COPY, USER and a few instructions it only skips.
func ParseDockerfile(r io.Reader) (*Dockerfile, error) {
	df := &Dockerfile{Args: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var cur *Stage
	var logical strings.Builder
	lineNo, start := 0, 0
	flush := func() error {
		text := strings.TrimSpace(logical.String())
		logical.Reset()
		if text == "" {
			return nil
		}
		instr, rest, _ := strings.Cut(text, " ")
		rest = strings.TrimSpace(rest)
		switch strings.ToUpper(instr) {
		case "ARG":
			k, v, _ := strings.Cut(rest, "=")
			if cur == nil {
				df.Args[k] = v
			}
		case "FROM":
			f := strings.Fields(rest)
			st := &Stage{Line: start}
			switch {
			case len(f) == 1:
			case len(f) == 3 && strings.EqualFold(f[1], "AS"):
				st.Name = strings.ToLower(f[2])
			default:
				return fmt.Errorf("%w: line %d: FROM %q: want IMAGE [AS NAME]", ErrDockerfile, start, rest)
			}
			st.From = df.expand(f[0])
			df.Stages = append(df.Stages, st)
			cur = st
		case "ENV", "RUN", "COPY", "USER", "WORKDIR", "VOLUME", "EXPOSE", "ENTRYPOINT", "CMD", "HEALTHCHECK", "LABEL":
			if cur == nil {
				return fmt.Errorf("%w: line %d: %s before the first FROM", ErrDockerfile, start, instr)
			}
			switch strings.ToUpper(instr) {
			case "ENV":
				kvs, err := splitEnv(rest)
				if err != nil {
					return fmt.Errorf("%w: line %d: %v", ErrDockerfile, start, err)
				}
				cur.Env = append(cur.Env, kvs...)
			case "RUN":
				cur.Run = append(cur.Run, rest)
			case "COPY":
				cur.Copies = append(cur.Copies, rest)
			case "USER":
				cur.User = rest
			}
		default:
			return fmt.Errorf("%w: line %d: instruction %q is not one this parser reads", ErrDockerfile, start, instr)
		}
		return nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "#") {
			continue // comments, also inside a continued instruction
		}
		if logical.Len() == 0 {
			if trimmed == "" {
				continue
			}
			start = lineNo
		}
		if body, ok := strings.CutSuffix(trimmed, "\\"); ok {
			logical.WriteString(body)
			logical.WriteByte(' ')
			continue
		}
		logical.WriteString(trimmed)
		if err := flush(); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if logical.Len() > 0 {
		return nil, fmt.Errorf("%w: the last instruction ends in a continuation", ErrDockerfile)
	}
	return df, nil
}

// expand substitutes ${NAME} of the global ARGs.
func (df *Dockerfile) expand(s string) string {
	for k, v := range df.Args {
		s = strings.ReplaceAll(s, "${"+k+"}", v)
	}
	return s
}

// Stage returns the stage named name, or nil.
func (df *Dockerfile) Stage(name string) *Stage {
	for _, s := range df.Stages {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Environ is the environment a stage's RUN commands see from ENV: its base
// stages' settings first, then its own.
func (df *Dockerfile) Environ(s *Stage) []string {
	var chain []*Stage
	seen := map[*Stage]bool{}
	for st := s; st != nil && !seen[st]; st = df.Stage(st.From) {
		seen[st] = true
		chain = append([]*Stage{st}, chain...)
	}
	var env []string
	for _, st := range chain {
		for _, kv := range st.Env {
			env = append(env, kv[0]+"="+kv[1])
		}
	}
	return env
}

// splitEnv reads `K=V K2="v 2"` (the key=value form only).
func splitEnv(s string) ([][2]string, error) {
	var out [][2]string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		k, rest, ok := strings.Cut(s, "=")
		if !ok || k == "" || strings.ContainsAny(k, " \t\"'") {
			return nil, fmt.Errorf("ENV %q: want KEY=VALUE pairs", s)
		}
		var v string
		if strings.HasPrefix(rest, "\"") {
			end := strings.Index(rest[1:], "\"")
			if end < 0 {
				return nil, fmt.Errorf("ENV %s: unterminated quote", k)
			}
			v, s = rest[1:1+end], rest[2+end:]
		} else {
			v, s, _ = strings.Cut(rest, " ")
		}
		out = append(out, [2]string{k, v})
	}
	return out, nil
}
