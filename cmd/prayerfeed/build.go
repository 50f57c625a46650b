package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/audit"
	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

func runBuild(src, out, manifest string, strict bool, now moment, verbose bool, stderr io.Writer) error {
	start := time.Now()
	opts := build.Options{Name: sourceName(src), Now: now.in, Out: out, Strict: strict}
	switch manifest {
	case "":
	case "live":
		prev, err := liveManifest(src, stderr)
		if err != nil {
			return err
		}
		opts.Previous = prev
	default:
		prev, err := build.ReadManifest(manifest)
		if err != nil {
			return err // a manifest asked for must be there
		}
		opts.Previous = prev
	}
	r, err := runSource(src, opts, "; nothing was written", stderr)
	if errors.Is(err, build.ErrIDs) {
		fmt.Fprintf(stderr, "prayerfeed: %s with published IDs; nothing was written\n", plural(len(r.Changed), "problem", "problems"))
		return errReported
	}
	if err != nil {
		return err
	}
	res := r.Result
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
	removed := ""
	if len(res.Removed) > 0 {
		removed = fmt.Sprintf(", %d removed", len(res.Removed))
	}
	fmt.Fprintf(stderr, "prayerfeed: %s%s; %s of %d written to %s%s in %s\n",
		r, held(r), plural(len(res.Written), "file", "files"), r.Files, out, removed, time.Since(start).Round(time.Millisecond))
	return nil
}

func runCheck(src, out string, now moment, stderr io.Writer) error {
	r, err := runSource(src, build.Options{Name: sourceName(src), Now: now.in}, "", stderr)
	if err != nil {
		return err
	}
	if out == "" {
		fmt.Fprintf(stderr, "prayerfeed: no problems: %s published%s\n", r, held(r))
		return nil
	}
	problems, err := audit.Site(out, r.Model.Site.BaseURL)
	if err != nil {
		return err
	}
	for _, p := range problems[:min(len(problems), maxPrinted)] {
		fmt.Fprintln(stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s in %s\n", plural(len(problems), "problem", "problems"), out)
		return errReported
	}
	fmt.Fprintf(stderr, "prayerfeed: no problems: %s published%s, and the site in %s reads back whole\n", r, held(r), out)
	return nil
}

// held says how many bulletins are not published, after a summary.
func held(r *build.Report) string {
	if len(r.Held) == 0 {
		return ""
	}
	return fmt.Sprintf("; %s not yet", plural(len(r.Held), "bulletin", "bulletins"))
}

// runSource runs the pipeline on the folder src, printing every warning
// and problem. When the source has problems it prints their count and
// then suffix, and returns errReported.
func runSource(src string, opts build.Options, suffix string, stderr io.Writer) (*build.Report, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	opts.Src = root.FS()
	p := startProgress(stderr)
	opts.Progress = p.report
	r, err := build.Run(opts)
	p.end()
	printList(stderr, r.Warnings, warningLine, "warning", "warnings")
	if err == nil {
		for _, h := range r.Held {
			fmt.Fprintln(stderr, h.Error())
		}
	}
	changed, one, many := warningLine, "warning about published IDs", "warnings about published IDs"
	if opts.Strict {
		one, many = "problem with published IDs", "problems with published IDs"
		changed = func(c *bulletin.Error) string {
			if c.Pos == (bulletin.Pos{}) {
				return "prayerfeed: " + c.Msg
			}
			return c.Error()
		}
	}
	printList(stderr, r.Changed, changed, one, many)
	var list bulletin.ErrorList
	if errors.As(err, &list) {
		printList(stderr, list, newSource(root.FS(), opts.Name).explain, "problem", "problems")
		fmt.Fprintf(stderr, "prayerfeed: %s%s\n", plural(len(list), "problem", "problems"), suffix)
		return r, errReported
	}
	return r, err
}

// sourceName is how messages name the source folder src.
func sourceName(src string) string { return filepath.ToSlash(filepath.Clean(src)) }

// httpClient fetches the live manifest; tests replace it.
var httpClient = &http.Client{Timeout: 2 * time.Minute}

// liveManifest fetches the manifest of the site as published at
// site.yaml's base_url. Where there is none (a 404, or a domain not yet
// pointed at a host) it returns nil: the build then compares with the
// manifest in -out, if any, as a first publication has none. Any other
// failure stops the build, which would otherwise check no ID.
func liveManifest(src string, stderr io.Writer) (*build.Manifest, error) {
	root, err := openSource(src)
	if err != nil {
		return nil, err
	}
	site, errs := load.Site(root.FS(), sourceName(src))
	root.Close()
	if site == nil || site.BaseURL == nil {
		return nil, fmt.Errorf("-manifest live reads the site's address from site.yaml, which has problems: %v", errs.Err())
	}
	u := site.BaseURL.JoinPath(build.ManifestFile).String()
	resp, err := httpClient.Get(u)
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		// A new domain, not yet pointed at a host: no site yet.
		fmt.Fprintf(stderr, "prayerfeed: %s has no address yet, so no published manifest: comparing IDs with the one in the output folder, if any\n", site.BaseURL.Host)
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("fetching the live site's manifest, to compare IDs with what subscribers hold: %w", err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		fmt.Fprintf(stderr, "prayerfeed: %s is not there: comparing IDs with the manifest in the output folder, if any (the host must serve files whose names begin with a dot)\n", u)
		return nil, nil
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("fetching %s: %s", u, resp.Status)
	}
	m, err := build.DecodeManifest(io.LimitReader(resp.Body, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return m, nil
}
