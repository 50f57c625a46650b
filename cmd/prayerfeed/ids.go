package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/atomicfile"
	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// runIDs writes into the source folder src the ids the site's identity
// rests on and that it does not yet say: site.yaml's id_domain and its
// podcast's guid, and an id for every point without one, as build.NewIDs
// chooses them with the manifest of the site published in out. With
// dryRun it lists them and writes nothing.
func runIDs(src, out string, now moment, dryRun bool, stdout, stderr io.Writer) error {
	root, err := openSource(src)
	if err != nil {
		return err
	}
	defer root.Close()
	name := sourceName(src)
	site, all, errs := load.Dir(root.FS(), name)
	problems, _ := bulletin.ValidateAll(site, all, now.in(site.Location))
	errs.Append(problems)
	errs.Sort()
	if n := report(stderr, errs.Err(), newSource(root.FS(), name)); n > 0 {
		fmt.Fprintf(stderr, "prayerfeed: %s; mend them first: nothing was written\n", plural(n, "problem", "problems"))
		return errReported
	}
	prev, err := build.ReadManifest(filepath.Join(out, build.ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		prev = &build.Manifest{}
	} else if err != nil {
		return err
	}

	ins := siteIDs(site)
	for pt, id := range build.NewIDs(site, all, prev) {
		ins = append(ins, load.Insertion{At: pt.Pos, Key: "id", Value: id})
	}
	return insert(root, name, ins, dryRun, stdout, stderr)
}

// siteIDs returns what site.yaml must say of the site's identity and does
// not: its id_domain, and its podcast's guid, as they are now.
func siteIDs(site *bulletin.Site) []load.Insertion {
	var ins []load.Insertion
	if _, ok := site.Fields.Get("id_domain"); !ok && site.IDDomain != "" {
		ins = append(ins, load.Insertion{At: site.Pos, Key: "id_domain", Value: site.IDDomain})
	}
	if p := site.Podcast; p != nil && p.GUID != "" {
		if _, ok := p.Fields.Get("guid"); !ok {
			ins = append(ins, load.Insertion{At: p.Settings, Key: "guid", Value: p.GUID})
		}
	}
	return ins
}

// insert writes the insertions into the files of the source folder root,
// whose name messages use, printing each to stdout; with dryRun it only
// prints them.
func insert(root *os.Root, name string, ins []load.Insertion, dryRun bool, stdout, stderr io.Writer) error {
	slices.SortFunc(ins, func(a, b load.Insertion) int {
		return cmp.Or(strings.Compare(a.At.File, b.At.File), cmp.Compare(a.At.Line, b.At.Line))
	})
	byFile := map[string][]load.Insertion{}
	for _, in := range ins {
		fmt.Fprintf(stdout, "%s: %s: %s\n", in.At, in.Key, in.Value)
		byFile[in.At.File] = append(byFile[in.At.File], in)
	}
	if dryRun || len(ins) == 0 {
		return nil
	}
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		rel := strings.TrimPrefix(strings.TrimPrefix(file, name), "/")
		data, err := fs.ReadFile(root.FS(), rel)
		if err != nil {
			return err
		}
		data, err = load.Insert(data, byFile[file])
		if err != nil {
			return err
		}
		if err := atomicfile.WriteFile(root, rel, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", file, err)
		}
	}
	fmt.Fprintf(stderr, "prayerfeed: wrote %s into %s\n", plural(len(ins), "id", "ids"), plural(len(byFile), "file", "files"))
	return nil
}
