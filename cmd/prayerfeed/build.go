package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

func runBuild(src, out string, now moment, verbose bool, stderr io.Writer) error {
	start := time.Now()
	site, err := loadSource(src, now, stderr, "; nothing was written")
	if err != nil {
		return err
	}
	files, err := build.Render(site)
	if err != nil {
		return err
	}
	for _, w := range build.Warn(files) {
		fmt.Fprintf(stderr, "prayerfeed: warning: %s\n", w)
	}
	written, err := build.Write(out, files)
	if verbose {
		for _, p := range written {
			fmt.Fprintf(stderr, "wrote %s\n", filepath.Join(out, filepath.FromSlash(p)))
		}
	}
	if err != nil {
		return err
	}
	points, events := 0, 0
	for _, b := range site.Bulletins {
		points += len(b.Items)
		for _, it := range b.Items {
			events += len(it.Events)
		}
	}
	fmt.Fprintf(stderr, "prayerfeed: %s, %s, %s; %s of %d written to %s in %s\n",
		plural(len(site.Bulletins), "bulletin", "bulletins"), plural(points, "point", "points"), plural(events, "event", "events"),
		plural(len(written), "file", "files"), len(files), out, time.Since(start).Round(time.Millisecond))
	return nil
}

func runCheck(src string, now moment, stderr io.Writer) error {
	_, err := loadSource(src, now, stderr, "")
	return err
}

// loadSource loads and validates the folder src, printing every warning
// and problem. After the problems it prints their count and then suffix.
func loadSource(src string, now moment, stderr io.Writer, suffix string) (*build.Site, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	name := filepath.ToSlash(filepath.Clean(src))
	settings, _ := load.Site(root.FS(), name)
	site, warns, err := build.Load(root.FS(), name, now.in(settings.Location))
	if n := report(stderr, err, warns); n > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s%s\n", plural(n, "problem", "problems"), suffix)
		return nil, errReported
	}
	return site, nil
}
