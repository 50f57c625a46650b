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
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// runNew writes the skeleton of the next bulletin (see load.Skeleton)
// into the source folder src: of the next Friday that has none, or of
// dateFlag. When site.yaml does not yet say the site's id_domain, or its
// podcast's guid, it writes them in too.
func runNew(src, dateFlag string, m moment, stdout, stderr io.Writer) error {
	root, err := openSource(src)
	if err != nil {
		return err
	}
	defer root.Close()
	site, all, errs := load.Dir(root.FS(), filepath.ToSlash(filepath.Clean(src)))
	if site.Regions == nil {
		report(stderr, errs.Err(), newSource(root.FS(), filepath.ToSlash(filepath.Clean(src))))
		return errReported
	}
	loc := site.Location
	if loc == nil {
		loc = time.UTC
	}
	now := m.in(loc)
	var day bulletin.Date
	if dateFlag != "" {
		t, err := time.Parse("2006-01-02", dateFlag)
		if err != nil {
			fmt.Fprintf(stderr, "prayerfeed new: -date %q is not a date such as 2026-11-27\n", dateFlag)
			return errUsage
		}
		day = bulletin.DateOf(t)
	}
	taken := map[bulletin.Date]*bulletin.Bulletin{}
	for _, b := range all {
		taken[bulletin.DateOf(b.Date)] = b
	}
	if dateFlag == "" {
		// The next Friday on or after today that has no bulletin yet.
		day = bulletin.DateOf(now.In(loc))
		for day.Weekday() != time.Friday || taken[day] != nil {
			day = day.AddDays(1)
		}
	}
	if b := taken[day]; b != nil {
		pos, _ := b.Fields.Get("date")
		return fmt.Errorf("%s already holds the bulletin of %s", pos, day)
	}
	title := site.Title
	if len(all) > 0 {
		bulletin.SortNewestFirst(all)
		title = all[0].Title
	}
	rel := filepath.Join(fmt.Sprint(day.Year), day.String()+".yaml")
	path := filepath.Join(src, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; prayerfeed new never overwrites a file", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(load.Skeleton(site, day, title)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	// A new site's identity is written down before anything is
	// published, so that moving the site later changes no ID.
	return insert(root, filepath.ToSlash(filepath.Clean(src)), siteIDs(site), false, stderr, stderr)
}
