package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/audit"
	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

func runBuild(src, out, manifest string, strict bool, now moment, verbose bool, stderr io.Writer) error {
	start := time.Now()
	site, err := loadSource(src, now, stderr, "; nothing was written")
	if err != nil {
		return err
	}
	st, err := build.OpenStage(out)
	if err != nil {
		return err
	}
	prev := st.Previous()
	if manifest != "" {
		if prev, err = build.ReadManifest(manifest); err != nil {
			st.Discard()
			return err // a manifest asked for must be there
		}
	}
	site.Previous = prev
	var mu sync.Mutex
	var warnings []string
	var total int
	err = build.RenderTo(site, func(f build.File) error {
		if w := build.WarnFile(f); w != "" {
			mu.Lock()
			warnings = append(warnings, w)
			mu.Unlock()
		}
		mu.Lock()
		total++
		mu.Unlock()
		return st.Add(f)
	})
	if err != nil {
		st.Discard()
		return err
	}
	slices.Sort(warnings)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "prayerfeed: warning: %s\n", w)
	}
	m := site.Manifest(nil)
	problems := build.CompareIDs(prev, m, site.Retired)
	for _, p := range problems {
		if strict {
			fmt.Fprintf(stderr, "prayerfeed: %s\n", p)
		} else {
			fmt.Fprintf(stderr, "prayerfeed: warning: %s\n", p)
		}
	}
	site.Previous, prev = nil, nil // large, and no longer needed
	if strict && len(problems) > 0 {
		st.Discard()
		fmt.Fprintf(stderr, "prayerfeed: %s; nothing was written\n", plural(len(problems), "changed ID", "changed IDs"))
		return errReported
	}
	res, err := st.Commit(m)
	if err != nil {
		return err
	}
	for _, p := range res.Replaced {
		fmt.Fprintf(stderr, "prayerfeed: warning: replaced %s, which prayerfeed did not write before\n", filepath.Join(out, filepath.FromSlash(p)))
	}
	if verbose {
		for _, p := range res.Written {
			fmt.Fprintf(stderr, "wrote %s\n", filepath.Join(out, filepath.FromSlash(p)))
		}
		for _, p := range res.Removed {
			fmt.Fprintf(stderr, "removed %s\n", filepath.Join(out, filepath.FromSlash(p)))
		}
	}
	points, events := 0, 0
	for _, b := range site.Bulletins {
		points += len(b.Points)
		for _, pt := range b.Points {
			events += len(pt.Events)
		}
	}
	removed := ""
	if len(res.Removed) > 0 {
		removed = fmt.Sprintf(", %d removed", len(res.Removed))
	}
	fmt.Fprintf(stderr, "prayerfeed: %s, %s, %s; %s of %d written to %s%s in %s\n",
		plural(len(site.Bulletins), "bulletin", "bulletins"), plural(points, "point", "points"), plural(events, "event", "events"),
		plural(len(res.Written), "file", "files"), total, out, removed, time.Since(start).Round(time.Millisecond))
	return nil
}

func runCheck(src, out string, now moment, stderr io.Writer) error {
	site, err := loadSource(src, now, stderr, "")
	if err != nil || out == "" {
		return err
	}
	problems, err := audit.Site(out, site.BaseURL)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s in %s\n", plural(len(problems), "problem", "problems"), out)
		return errReported
	}
	return nil
}

// loadSource loads and validates the folder src, printing every warning
// and problem. After the problems it prints their count and then suffix.
func loadSource(src string, now moment, stderr io.Writer, suffix string) (*build.Site, error) {
	site, warns, err := loadSite(src, now)
	if n := report(stderr, err, warns); n > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s%s\n", plural(n, "problem", "problems"), suffix)
		return nil, errReported
	}
	return site, nil
}

// loadSite loads and validates the folder src at the clock now, a day
// read in the site's own zone.
func loadSite(src string, now moment) (*build.Site, bulletin.ErrorList, error) {
	return loadSiteCached(src, now, nil)
}

// loadSiteCached is loadSite, parsing only the bulletins that changed
// since c last loaded them.
func loadSiteCached(src string, now moment, c *load.Cache) (*build.Site, bulletin.ErrorList, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	name := filepath.ToSlash(filepath.Clean(src))
	settings, _ := load.Site(root.FS(), name)
	return build.LoadCached(root.FS(), name, now.in(settings.Location), c)
}
