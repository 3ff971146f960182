package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/fieldsplit"
)

// splitQuery checks put's --fields and --fields-schema and returns the
// query that asks the daemon to split the version, and the reader to send
// (the same bytes; its first one may have been looked at).
func splitQuery(file string, in io.Reader, format, schemaFile string) (string, io.Reader, error) {
	if format == "" {
		return "", nil, cli.Usagef("--fields-schema needs --fields: it groups the fields of a split version")
	}
	br := bufio.NewReader(in)
	switch format {
	case "json", "csv":
	case "auto":
		switch strings.ToLower(filepath.Ext(file)) {
		case ".json":
			format = "json"
		case ".csv":
			format = "csv"
		default:
			head, _ := br.Peek(512)
			if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
				format = "json"
			} else {
				return "", nil, cli.Usagef("cannot tell whether %s is JSON or CSV: name it with --fields=json or --fields=csv; nothing was stored", file)
			}
		}
	default:
		return "", nil, cli.Usagef("--fields=%s: a version is split as json or csv", format)
	}
	q := "&fields=" + format
	if schemaFile != "" {
		b, err := os.ReadFile(schemaFile)
		if err != nil {
			return "", nil, cli.Usagef("reading the fields schema: %v", err)
		}
		if _, err := fieldsplit.ParseSchema(b); err != nil {
			return "", nil, cli.Usagef("%s: %v", schemaFile, err)
		}
		var compact bytes.Buffer
		if err := compactJSON(&compact, b); err != nil {
			return "", nil, err
		}
		q += "&schema=" + url.QueryEscape(compact.String())
	}
	return q, br, nil
}

func compactJSON(w *bytes.Buffer, b []byte) error {
	if err := json.Compact(w, b); err != nil {
		return fmt.Errorf("the fields schema: %w", err)
	}
	return nil
}
