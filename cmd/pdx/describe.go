package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/daemon"
)

// pdx describe writes what a dataset's offers say about it (DESCRIBE.md):
// the owner's words (title, category, period), the rest read by the
// daemon from the data. The daemon refuses a title or field name that
// repeats one of the dataset's values.

type describeResult daemon.DescriptionResponse

func (r describeResult) FormatText(w io.Writer) error {
	switch {
	case r.Description != nil && r.Saved:
		fmt.Fprintf(w, "%s (id %d) is described as follows; its offers from now on publish this:\n", r.Dataset, r.ID)
	case r.Description != nil:
		fmt.Fprintf(w, "%s (id %d) would be described as follows (not saved):\n", r.Dataset, r.ID)
	default:
		fmt.Fprintf(w, "%s (id %d) has no description yet; offers of it say nothing of what it holds.\n", r.Dataset, r.ID)
		if d := r.Draft; d != nil {
			var facts []string
			if len(d.Fields) > 0 {
				facts = append(facts, "fields "+strings.Join(d.Fields, ", "))
			}
			if d.Rows > 0 {
				facts = append(facts, fmt.Sprintf("%d records", d.Rows))
			}
			if d.Size > 0 {
				facts = append(facts, describe.Size(d.Size))
			}
			if len(facts) > 0 {
				fmt.Fprintf(w, "pdx reads from its data: %s\n", strings.Join(facts, "; "))
			}
		}
		_, err := fmt.Fprintf(w, "describe it: pdx describe %s --title TEXT --category CATEGORY [--period 2025-01..2025-12]\n", r.Dataset)
		return err
	}
	for _, l := range r.Words {
		if _, err := fmt.Fprintf(w, "  %s\n", l); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) describeCmd() *cobra.Command {
	var title, category, period, fields string
	var rows int64
	var preview bool
	cmd := &cobra.Command{
		Use:   "describe NAME [--title TEXT --category CATEGORY [--period 2025-01..2025-12] [--fields a,b] [--rows N]]",
		Short: "Say what a dataset holds, so brands see it in the market before they buy",
		Long: `describe saves the description an offer of the dataset publishes: a title
in your words, a category (` + categoryNames() + `),
the months the data covers (--period), and what pdx reads from the latest
version itself: its field names, its number of records and its size (give
--fields or --rows to say otherwise), and the sources that attested it.

Nothing personal is published: pdx refuses a title or field name that
contains one of the dataset's own values (a name, an amount, a place) and
says which field the value is in. Every later pdx offer of the dataset
publishes the description inside its usage policy, whose hash is on chain.

Without --title, describe shows the saved description (or, when there is
none, what pdx reads from the data).`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			path := datasetPath(args[0], "description")
			var res daemon.DescriptionResponse
			if title == "" && category == "" && period == "" && fields == "" && rows == 0 {
				if preview {
					return cli.Usagef("--preview shows a description before it is saved: give --title and --category")
				}
				if err := c.call(cmd.Context(), "GET", path, nil, &res); err != nil {
					return err
				}
				return a.out.Result(describeResult(res))
			}
			if title == "" || category == "" {
				return cli.Usagef("a description needs --title and --category (one of %s)", categoryNames())
			}
			d := describe.Description{Title: title, Rows: rows}
			if d.Category, err = describe.ParseCategory(category); err != nil {
				return cli.Usagef("--category %q is not a category: use one of %s", category, categoryNames())
			}
			if period != "" {
				p, err := describe.ParsePeriod(period)
				if err != nil {
					return cli.Usagef("--period %q: months are written YYYY-MM, as 2025-01..2025-12", period)
				}
				d.Period = &p
			}
			if fields != "" {
				for _, f := range strings.Split(fields, ",") {
					d.Fields = append(d.Fields, strings.TrimSpace(f))
				}
			}
			if rows < 0 {
				return cli.Usagef("--rows is a number of records, not negative")
			}
			if err := d.Validate(); err != nil {
				return cli.Usagef("%s", strings.TrimPrefix(err.Error(), describe.ErrInvalid.Error()+": "))
			}
			if preview {
				path += "?preview=true"
			}
			if err := c.call(cmd.Context(), "PUT", path, d, &res); err != nil {
				return err
			}
			return a.out.Result(describeResult(res))
		}),
	}
	f := cmd.Flags()
	f.StringVar(&title, "title", "", "what the dataset holds, in a few words (no names, amounts or other values of the data)")
	f.StringVar(&category, "category", "", "the kind of data: "+categoryNames())
	f.StringVar(&period, "period", "", "the months the data covers, as 2025-01..2025-12")
	f.StringVar(&fields, "fields", "", "the field names to list (comma-separated); default: read from the data")
	f.Int64Var(&rows, "rows", 0, "the number of records; default: counted in the data")
	f.BoolVar(&preview, "preview", false, "show the description without saving it")
	return cmd
}

func categoryNames() string {
	var n []string
	for _, c := range describe.Categories() {
		n = append(n, string(c))
	}
	return strings.Join(n, ", ")
}
