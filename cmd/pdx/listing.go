package main

import (
	"context"
)

// The listing commands (ls, market, purchases, grants, granted) share one
// shape: GET a daemon route, print the answer as a table or as --json.

// orDash prints "-" for an empty cell, so columns stay aligned.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// show GETs path from the daemon into a T and prints what result makes of
// it: the shape of every listing command.
func show[T any](a *app, ctx context.Context, path string, result func(*T) any) error {
	c, err := a.client()
	if err != nil {
		return err
	}
	var v T
	if err := c.call(ctx, "GET", path, nil, &v); err != nil {
		return err
	}
	return a.out.Result(result(&v))
}

// orEmpty makes a missing list an empty one, so --json prints [] and not
// null.
func orEmpty[E any](s []E) []E {
	if s == nil {
		return []E{}
	}
	return s
}
