package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasExamples walks the whole command tree and requires an
// Example section in each command's --help, every line of it a pdx command
// line (or a comment), so a new command cannot ship without one.
func TestEveryCommandHasExamples(t *testing.T) {
	a := &app{stdout: new(bytes.Buffer), stderr: new(bytes.Buffer), stdin: os.Stdin}
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		n++
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no examples: add them to examples in help.go", c.CommandPath())
		}
		for _, l := range strings.Split(c.Example, "\n") {
			l = strings.TrimSpace(l)
			if !strings.HasPrefix(l, "#") && !strings.Contains(l, "pdx ") {
				t.Errorf("%s: example line %q runs no pdx command", c.CommandPath(), l)
			}
		}
		var help bytes.Buffer
		c.SetOut(&help)
		if err := c.Help(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(help.String(), "Examples:\n") {
			t.Errorf("%s --help shows no Examples section:\n%s", c.CommandPath(), help.String())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root := a.rootCmd()
	walk(root)
	if n < 25 {
		t.Errorf("walked %d commands, want every command of pdx (at least 25)", n)
	}
	// Every example belongs to a command: a renamed command leaves none behind.
	for path := range examples {
		args := strings.Fields(path)[1:]
		if c, rest, err := root.Find(args); err != nil || len(rest) != 0 || c.CommandPath() != path {
			t.Errorf("examples has %q, which is no command", path)
		}
	}
}

func TestNearestCommand(t *testing.T) {
	for typed, want := range map[string]string{"lss": `did you mean "ls"?`, "grnat": `did you mean "grant"?`, "xyzzy": ""} {
		err := noArgsSuggest(appRoot(), []string{typed})
		if err == nil {
			t.Fatalf("%s: accepted", typed)
		}
		if want != "" && !strings.HasSuffix(err.Error(), want) || want == "" && strings.Contains(err.Error(), "did you mean") {
			t.Errorf("%s: %q, want it to end %q", typed, err, want)
		}
	}
}

func appRoot() *cobra.Command {
	a := &app{stdout: new(bytes.Buffer), stderr: new(bytes.Buffer)}
	return a.rootCmd()
}
