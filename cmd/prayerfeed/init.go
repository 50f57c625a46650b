package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/atomicfile"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/draft"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"golang.org/x/term"
)

// runInit starts a new site in the folder dir: a site.yaml of the
// settings given, asking on a terminal for those missing, and the draft
// of its first bulletin.
func runInit(dir string, s draft.Settings, regions string, m moment, stdin io.Reader, interactive bool, stdout, stderr io.Writer) error {
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
		return fmt.Errorf("%s already has a site.yaml; prayerfeed init starts a new site in a folder of its own", dir)
	}
	in := bufio.NewScanner(stdin)
	ask := func(v *string, flag, question, def string) error {
		if *v != "" {
			return nil
		}
		if !interactive {
			if def != "" {
				*v = def
				fmt.Fprintf(stderr, "prayerfeed: %s: %s (give -%s to choose)\n", question, def, flag)
				return nil
			}
			return fmt.Errorf("give %s with -%s", question, flag)
		}
		if def != "" {
			fmt.Fprintf(stderr, "%s [%s]: ", question, def)
		} else {
			fmt.Fprintf(stderr, "%s: ", question)
		}
		if in.Scan() {
			*v = strings.TrimSpace(in.Text())
		}
		if *v == "" {
			*v = def
		}
		if *v == "" {
			return fmt.Errorf("prayerfeed init needs %s", question)
		}
		return nil
	}
	if err := ask(&s.Org, "name", "the organisation's name", ""); err != nil {
		return err
	}
	if err := ask(&s.Title, "title", "the bulletin's title", s.Org+" Prayer Bulletin"); err != nil {
		return err
	}
	if err := ask(&s.BaseURL, "url", "the address the site will have, such as https://prayer.example.org/", ""); err != nil {
		return err
	}
	if !strings.Contains(s.BaseURL, "://") {
		s.BaseURL = "https://" + s.BaseURL // prayer.example.org
	}
	if !strings.HasSuffix(s.BaseURL, "/") {
		s.BaseURL += "/"
	}
	host := ""
	if u, err := url.Parse(s.BaseURL); err == nil {
		host = u.Hostname()
	}
	if err := ask(&s.IDDomain, "domain", "the domain of the IDs readers' apps keep, for good", host); err != nil {
		return err
	}
	if err := ask(&s.Timezone, "timezone", "the bulletins' time zone, a city's IANA name such as America/Chicago", "UTC"); err != nil {
		return err
	}
	if err := ask(&regions, "regions", "the regions, in order, separated by commas", "Africa, Asia, Latin America"); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range strings.Split(regions, ",") {
		if r = strings.TrimSpace(r); r == "" {
			continue
		}
		if seen[bulletin.HeadingKey(r)] {
			return fmt.Errorf("-regions names %q twice", r)
		}
		seen[bulletin.HeadingKey(r)] = true
		s.Regions = append(s.Regions, r)
	}

	// The files are checked as prayerfeed reads them before any is
	// written: a mistake in an answer is named at its line.
	siteYAML := draft.Site(s)
	name := filepath.ToSlash(filepath.Clean(dir))
	site, _, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: siteYAML}}, name)
	if site.Regions != nil {
		errs.Append(site.Validate())
	}
	if len(errs) > 0 {
		// The answers are named by their flags: site.yaml is not
		// written.
		errs.Sort()
		lines := strings.Split(string(siteYAML), "\n")
		for _, e := range errs {
			key := ""
			if e.Pos.Line >= 1 && e.Pos.Line <= len(lines) {
				key, _, _ = strings.Cut(strings.TrimLeft(lines[e.Pos.Line-1], " -"), ":")
			}
			fmt.Fprintf(stderr, "prayerfeed init: %s: %s\n", cmp.Or(initFlags[key], "site.yaml"), e.Msg)
		}
		fmt.Fprintf(stderr, "prayerfeed: %s; nothing was written\n", plural(len(errs), "problem", "problems"))
		return errReported
	}
	loc := site.Location
	day := bulletin.DateOf(m.in(loc).In(loc))
	for day.Weekday() != time.Friday {
		day = day.AddDays(1)
	}
	first := filepath.Join(dir, fmt.Sprint(day.Year), day.String()+".yaml")
	if _, err := os.Stat(first); err == nil {
		return fmt.Errorf("%s already exists; prayerfeed init starts a new site in a folder of its own", first)
	}
	if err := os.MkdirAll(filepath.Dir(first), 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	// Each file is written whole or not at all, and site.yaml last: when
	// it cannot be, the draft goes too, so that init can run again.
	rel := filepath.Join(fmt.Sprint(day.Year), day.String()+".yaml")
	if err := atomicfile.WriteFile(root, rel, draft.Skeleton(site, day, s.Title), 0o644); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(root, "site.yaml", siteYAML, 0o644); err != nil {
		root.Remove(rel)
		root.Remove(filepath.Dir(rel)) // when init made it, and it is empty
		return err
	}
	fmt.Fprintf(stdout, "%s\n%s\n", filepath.Join(dir, "site.yaml"), first)
	fmt.Fprintf(stderr, "prayerfeed: a new site in %s. Write its first bulletin in %s (or import one: prayerfeed import -src %s FILE), and see it with prayerfeed serve -src %s\n",
		dir, first, dir, dir)
	return nil
}

// initFlags are the flags of init by the keys of site.yaml they set.
var initFlags = map[string]string{"title": "-title", "base_url": "-url", "id_domain": "-domain", "timezone": "-timezone",
	"name": "-name or -regions", "email": "-email", "id": "-regions"}

// isTerminal reports whether f is a terminal, where a person can answer
// (/dev/null, a character device too, is not).
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
