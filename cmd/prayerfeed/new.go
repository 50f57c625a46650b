package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/draft"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// maxImport is the largest file import reads: a bulletin is some 5 KB,
// an email with its HTML some 100 KB.
const maxImport = 4 << 20

// runNew writes the skeleton of the next bulletin (see draft.Skeleton)
// into the source folder src: of the next Friday that has none, or of
// dateFlag.
func runNew(src, dateFlag string, m moment, stdout, stderr io.Writer) error {
	f, err := openFolder(src, dateFlag, m, stderr)
	if err != nil {
		return err
	}
	defer f.root.Close()
	day := f.day
	if day.IsZero() {
		day = f.next
	}
	title := f.site.Title
	if len(f.all) > 0 {
		title = f.all[0].Title
	}
	path, err := f.write(day, draft.Skeleton(f.site, day, title))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return f.writeIDs(stderr)
}

// runImport writes a draft bulletin made from the text in file (see
// draft.Import) into the source folder src, of the date the text gives,
// dateFlag, or the next Friday that has no bulletin.
func runImport(src, file, dateFlag string, m moment, stdout, stderr io.Writer) error {
	data, err := readImport(file)
	if err != nil {
		return err
	}
	text, sent, err := draft.Text(file, data)
	if err != nil {
		return err
	}
	f, err := openFolder(src, dateFlag, m, stderr)
	if err != nil {
		return err
	}
	defer f.root.Close()
	opts := draft.Options{Name: filepath.Base(file), Date: f.day, Default: f.next, Title: f.site.Title, Sent: sent}
	if file == "-" {
		opts.Name = "the text pasted in"
	}
	if len(f.all) > 0 {
		opts.Title = f.all[0].Title
	}
	d := draft.Import(f.site, text, opts)
	if b := f.holding(d.Bodies); b != nil {
		return fmt.Errorf("%s already holds this text's points; to import it again, delete that file first", b.Pos.File)
	}
	path, err := f.write(d.Date, d.YAML)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: a draft; %s and %s are marked in it. Read it through with \"prayerfeed serve\", then delete draft: true to publish it.\n",
		path, plural(d.Guesses, "guess", "guesses"), plural(d.Unplaced, "text not placed", "texts not placed"))
	return f.writeIDs(stderr)
}

// readImport reads the file to import, or standard input for "-".
func readImport(file string) ([]byte, error) {
	r := io.Reader(os.Stdin)
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxImport {
		return nil, fmt.Errorf("%s is larger than %d MB: import reads one bulletin's text", file, maxImport>>20)
	}
	return data, nil
}

// A folder is a source folder that a new draft goes into.
type folder struct {
	src  string
	root *os.Root
	site *bulletin.Site
	all  []*bulletin.Bulletin // newest first
	day  bulletin.Date        // the date asked for, if any
	next bulletin.Date        // the next Friday on or after today that has no bulletin
}

// openFolder reads the source folder src, and the date asked for.
func openFolder(src, dateFlag string, m moment, stderr io.Writer) (*folder, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, err
	}
	name := filepath.ToSlash(filepath.Clean(src))
	site, all, errs := load.Dir(root.FS(), name)
	if site.Regions == nil {
		report(stderr, errs.Err(), newSource(root.FS(), name))
		root.Close()
		return nil, errReported
	}
	f := &folder{src: src, root: root, site: site, all: all}
	bulletin.SortNewestFirst(all)
	if dateFlag != "" {
		t, err := time.Parse("2006-01-02", dateFlag)
		if err != nil {
			root.Close()
			fmt.Fprintf(stderr, "prayerfeed: -date %q is not a date such as 2026-11-27\n", dateFlag)
			return nil, errUsage
		}
		f.day = bulletin.DateOf(t)
	}
	loc := site.Location
	if loc == nil {
		loc = time.UTC
	}
	f.next = bulletin.DateOf(m.in(loc).In(loc))
	for f.next.Weekday() != time.Friday || f.taken(f.next) != nil {
		f.next = f.next.AddDays(1)
	}
	return f, nil
}

// taken returns the bulletin of day, or nil.
func (f *folder) taken(day bulletin.Date) *bulletin.Bulletin {
	for _, b := range f.all {
		if bulletin.DateOf(b.Date) == day {
			return b
		}
	}
	return nil
}

// holding returns the bulletin that already says most of the texts, as
// one imported before does, or nil.
func (f *folder) holding(texts []string) *bulletin.Bulletin {
	for _, b := range f.all {
		same := 0
		for _, t := range texts {
			sk := bulletin.SketchOf(t)
			for _, pt := range b.Points {
				if pt.Sketch.Same(sk) {
					same++
					break
				}
			}
		}
		if len(texts) > 0 && 2*same > len(texts) {
			return b
		}
	}
	return nil
}

// write writes a new bulletin of day into the folder, never over
// another, and returns its path.
func (f *folder) write(day bulletin.Date, data []byte) (string, error) {
	if b := f.taken(day); b != nil {
		pos, _ := b.Fields.Get("date")
		return "", fmt.Errorf("%s already holds the bulletin of %s; give another date with -date, or, if that is a draft you no longer need, delete it", pos, day)
	}
	path := filepath.Join(f.src, fmt.Sprint(day.Year), day.String()+".yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; prayerfeed never writes over a bulletin", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := out.Write(data); err != nil {
		out.Close()
		return "", err
	}
	return path, out.Close()
}

// writeIDs writes a new site's identity into site.yaml before anything
// is published, so that moving the site later changes no ID.
func (f *folder) writeIDs(stderr io.Writer) error {
	return insert(f.root, filepath.ToSlash(filepath.Clean(f.src)), siteIDs(f.site), false, stderr, stderr)
}
