package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profiler writes CPU profiles of the measurements and not of the fills
// between them: a running CPU profile cannot be paused, so each stretch of
// measurements is a profile of its own, <path>.part<i>; `go tool pprof`
// merges them when given them all (go tool pprof -top <path>.part*).
type profiler struct {
	path  string
	file  *os.File // the stretch being written; nil when paused
	parts int
}

func newProfiler(path string) (*profiler, error) {
	p := &profiler{path: path}
	return p, p.resume()
}

// resume starts a new stretch of profiling.
func (p *profiler) resume() error {
	if p.path == "" || p.file != nil {
		return nil
	}
	f, err := os.Create(fmt.Sprintf("%s.part%d", p.path, p.parts))
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	p.file = f
	p.parts++
	return nil
}

// pause ends the current stretch.
func (p *profiler) pause() {
	if p.file != nil {
		pprof.StopCPUProfile()
		p.file.Close()
		p.file = nil
	}
}

func (p *profiler) stop() { p.pause() }
