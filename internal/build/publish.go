package build

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/atomicfile"
)

// A Result says what Publish did.
type Result struct {
	Written  []string // files whose bytes are new or changed
	Removed  []string // files an earlier build wrote that this one does not
	Replaced []string // files someone else put where this build writes one
}

// Publish makes the folder dir hold files and the manifest, replacing
// what an earlier build published there, all at once: see Stage.
func Publish(dir string, files []File, m *Manifest) (*Result, error) {
	st, err := OpenStage(dir)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := st.Add(f); err != nil {
			st.Discard()
			return nil, err
		}
	}
	return st.Commit(m)
}

// A Stage is the new site being put together in a folder beside the
// output folder, invisible to readers until Commit swaps the two folders
// in one step (see swap): at every instant the output folder is wholly
// the old site or wholly the new. Files are added as they are rendered,
// so that a build need not hold them all; a file whose bytes the previous
// build published is hard-linked rather than written, so that its
// modification time stays. Files that no build of prayerfeed wrote (a
// CNAME, a .well-known folder) are carried over; files the previous
// manifest lists and this build does not produce are dropped. When
// nothing changed, Commit writes nothing at all. One build at a time
// stages beside a folder: OpenStage waits for a lock.
type Stage struct {
	dir, path string
	root      *os.Root
	prev      *Manifest
	unlock    func()

	parts map[string]PartRecord // what the previous build rendered a year, if known
	stats map[string]fileStat   // the files the previous build published, as it left them, if known

	mu      sync.Mutex
	dirs    map[string]bool   // folders made in the stage
	sums    map[string]string // path → SHA-256 of what this build produced
	written []string
	replace []string
}

// OpenStage starts a new site for the folder dir.
func OpenStage(dir string) (*Stage, error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // publish into what a link points at, keeping the link
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	unlock, err := lock(dir)
	if err != nil {
		return nil, err
	}
	cleanStale(dir)
	st := &Stage{dir: dir, prev: &Manifest{}, unlock: unlock, sums: map[string]string{}, dirs: map[string]bool{".": true},
		path: filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-"+random())}
	if r, ok := readRecord(dir); ok {
		if old, ok := r.readManifest(dir); ok {
			st.prev, st.parts, st.stats = old, r.Parts, r.Files
		}
	}
	if st.parts == nil {
		if old, err := ReadManifest(filepath.Join(dir, ManifestFile)); err == nil {
			st.prev = old
		}
	}
	if err := os.MkdirAll(st.path, 0o755); err != nil {
		unlock()
		return nil, err
	}
	if st.root, err = os.OpenRoot(st.path); err != nil {
		st.Discard()
		return nil, err
	}
	return st, nil
}

// Previous returns the manifest the output folder holds, or an empty one.
func (st *Stage) Previous() *Manifest { return st.prev }

// Add puts one file into the stage. It may be called from several
// goroutines.
func (st *Stage) Add(f File) error {
	if !filepath.IsLocal(filepath.FromSlash(f.Path)) || f.Path == ManifestFile {
		return fmt.Errorf("write %s: not a path inside %s", f.Path, st.dir)
	}
	h := ""
	if f.Reused {
		h = st.prev.Files[f.Path]
	} else {
		h = sum(f.Data)
	}
	published := filepath.Join(st.dir, filepath.FromSlash(f.Path))
	st.mu.Lock()
	if _, dup := st.sums[f.Path]; dup {
		st.mu.Unlock()
		return fmt.Errorf("render: two outputs write %s", f.Path)
	}
	st.sums[f.Path] = h
	_, owned := st.prev.Files[f.Path]
	dir := path.Dir(f.Path)
	made := st.dirs[dir]
	st.mu.Unlock()

	// The stage is a new folder of this build's, holding nothing but the
	// folders and files it adds until Commit carries other files over,
	// and every path is local: the files can go in by plain path, at a
	// third of the system calls of going through st.root.
	staged := filepath.Join(st.path, filepath.FromSlash(f.Path))
	if !made {
		if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
			return err
		}
		st.mu.Lock()
		st.dirs[dir] = true
		st.mu.Unlock()
	}
	// A file is unchanged when the previous build published the same
	// bytes (its manifest says so) and the file there still has their
	// size; reading every published file back would cost as much again
	// as writing it.
	if f.Reused {
		// Where the file system has no hard links, a copy keeps it.
		if os.Link(published, staged) != nil {
			if err := copyFile(published, staged); err != nil {
				return fmt.Errorf("keep %s: %w", f.Path, err)
			}
		}
		return nil
	}
	if st.prev.Files[f.Path] == h && st.untouched(f.Path, published, len(f.Data)) && os.Link(published, staged) == nil {
		return nil
	}
	if err := writeNew(staged, f.Data); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	replaces := false
	if !owned {
		_, err := os.Lstat(published)
		replaces = err == nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.written = append(st.written, f.Path)
	if replaces {
		st.replace = append(st.replace, f.Path)
	}
	return nil
}

// Reuse is Site.Reuse for the stage: it returns the files that the
// previous build recorded for the year whose key it was, when all of them
// are still there, so that they can be kept as they are.
func (st *Stage) Reuse(year int, key string) ([]string, bool) {
	r, ok := st.parts[strconv.Itoa(year)]
	if !ok || r.Key != key {
		return nil, false
	}
	for _, f := range r.Files {
		if _, ok := st.stats[f]; !ok || !filepath.IsLocal(filepath.FromSlash(f)) {
			return nil, false
		}
		if _, ok := st.prev.Files[f]; !ok || !st.untouched(f, filepath.Join(st.dir, filepath.FromSlash(f)), -1) {
			return nil, false
		}
	}
	return r.Files, true
}

// untouched reports whether the published file at path (p in the site) is
// still as the previous build left it: its size and modification time
// are those recorded, or, without a record, its size is size. A size of
// -1 asks for the record.
func (st *Stage) untouched(p, path string, size int) bool {
	if stat, ok := st.stats[p]; ok {
		return stat.matches(path)
	}
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode().IsRegular() && size >= 0 && fi.Size() == int64(size)
}

// Discard drops the stage: the output folder stays as it was.
func (st *Stage) Discard() {
	if st.root != nil {
		st.root.Close()
	}
	os.RemoveAll(st.path)
	st.unlock()
}

// Commit records in m the files added, and swaps the stage in for the
// output folder, unless nothing changed.
func (st *Stage) Commit(m *Manifest) (*Result, error) { return st.commit(m, nil) }

// CommitSite is Commit for the site s, whose files were rendered into the
// stage (RenderTo), and records beside the output folder, before another
// build may start, what the next build of s needs to render only what
// changed (see Site.Reuse) or nothing at all (see Current).
func (st *Stage) CommitSite(m *Manifest, s *Site) (*Result, error) { return st.commit(m, s) }

func (st *Stage) commit(m *Manifest, s *Site) (*Result, error) {
	// Whatever happens, the stage goes: after a swap it holds the old site.
	defer st.Discard()
	m.Files = st.sums
	res := &Result{Written: st.written, Replaced: st.replace}
	slices.Sort(res.Written)
	slices.Sort(res.Replaced)
	for p := range st.prev.Files {
		if _, ok := st.sums[p]; !ok {
			res.Removed = append(res.Removed, p)
		}
	}
	slices.Sort(res.Removed)
	// Of the previous manifest only its files are needed from here on:
	// the rest, its IDs, is large, and goes when no one else holds it.
	st.prev = &Manifest{Files: st.prev.Files}
	manifest := m.encode()
	if len(res.Written) == 0 && len(res.Removed) == 0 && sameBytes(filepath.Join(st.dir, ManifestFile), manifest) {
		// Nothing changed: the stage goes.
		if s != nil {
			return res, st.writeRecord(s, manifest)
		}
		return res, nil
	}
	produced := make(map[string]bool, len(st.sums))
	for p := range st.sums {
		produced[p] = true
	}
	// Others' files last, where they do not clash with ours.
	if err := carryOthers(st.dir, st.path, st.prev, produced); err != nil {
		return nil, err
	}
	if err := st.root.WriteFile(ManifestFile, manifest, 0o644); err != nil {
		return nil, err
	}
	if err := syncTree(st.path); err != nil {
		return nil, err
	}
	if err := swap(st.path, st.dir); err != nil {
		return nil, fmt.Errorf("publish %s: %w", st.dir, err)
	}
	if s != nil {
		return res, st.writeRecord(s, manifest)
	}
	return res, nil
}

// carryOthers hard-links into stage every file of dir that the previous
// manifest does not list, files someone else put there, unless it stands
// where one of ours does.
func carryOthers(dir, stage string, prev *Manifest, ours map[string]bool) error {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer root.Close()
	return fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, owned := prev.Files[p]; owned || p == ManifestFile || clashes(p, ours) {
			return nil
		}
		target := filepath.Join(stage, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		src := filepath.Join(dir, filepath.FromSlash(p))
		if d.Type()&fs.ModeSymlink != 0 {
			link, err := os.Readlink(src)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		}
		if os.Link(src, target) == nil {
			return nil
		}
		return copyFile(src, target)
	})
}

// clashes reports whether p, or a folder on its way, is one of ours.
func clashes(p string, ours map[string]bool) bool {
	for q := p; q != "." && q != "/"; q = path.Dir(q) {
		if ours[q] {
			return true
		}
	}
	for o := range ours {
		if strings.HasPrefix(o, p+"/") {
			return true
		}
	}
	return false
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}

// cleanStale removes the staging folders that an interrupted build left
// beside dir.
func cleanStale(dir string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-*"))
	for _, p := range stale {
		os.RemoveAll(p)
	}
}

// writeNew writes a file that must not exist yet: not even a link
// there is followed.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

func sameBytes(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func random() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// keyPath returns the file beside dir that records the key of the site
// published there. It lives beside the site, not in it: the key names
// the program that built it, which no reader needs.
func keyPath(dir string) (string, error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".key"), nil
}

// A record is what a build keeps beside the output folder (not in it, as
// it says nothing to readers): the key of the site it published, the
// digest of the manifest it published with it, the size and modification
// time of every file it published, and what it rendered for each year of
// the history. A record whose manifest is not the one in the folder
// (another program wrote there since) counts for nothing; a file whose
// size or modification time is no longer the one recorded (edited or
// damaged since) is written again.
type record struct {
	Key      string                `json:"key"`
	Manifest string                `json:"manifest"`
	Sources  string                `json:"sources,omitempty"` // Site.Sources
	From     int64                 `json:"from,omitempty"`    // the build's clock, in nanoseconds since 1970
	Until    int64                 `json:"until,omitempty"`   // Site.until, likewise
	Warnings []string              `json:"warnings,omitempty"`
	Files    map[string]fileStat   `json:"files,omitempty"`
	Parts    map[string]PartRecord `json:"parts,omitempty"`
}

// A fileStat is a published file as a build left it.
type fileStat struct {
	Size int64 `json:"size"`
	Mod  int64 `json:"mod"` // nanoseconds since 1970
}

// matches reports whether the file at path is still a regular file of the
// recorded size and modification time.
func (stat fileStat) matches(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == stat.Size && fi.ModTime().UnixNano() == stat.Mod
}

// intact reports whether dir still holds what r records: the manifest it
// goes with, and every file as the build left it.
func (r *record) intact(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil || sum(data) != r.Manifest {
		return false
	}
	for p, stat := range r.Files {
		if !stat.matches(filepath.Join(dir, filepath.FromSlash(p))) {
			return false
		}
	}
	return true
}

// A PartRecord is what a build rendered for one year of the history.
type PartRecord struct {
	Key   string   `json:"key"`   // Site.partKey
	Files []string `json:"files"` // sorted
}

// readRecord returns the record kept beside dir, if any.
func readRecord(dir string) (*record, bool) {
	p, err := keyPath(dir)
	if err != nil {
		return nil, false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	var r record
	if json.Unmarshal(data, &r) != nil {
		return nil, false
	}
	return &r, true
}

// readManifest returns the manifest in dir, if it is the one r goes with.
func (r *record) readManifest(dir string) (*Manifest, bool) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil || sum(data) != r.Manifest {
		return nil, false
	}
	var m Manifest
	if json.Unmarshal(data, &m) != nil {
		return nil, false
	}
	return &m, true
}

// Unchanged reports, without loading the source, whether dir already
// holds what a build at now of the source folder whose SourceDigest is
// sources would publish: the last build into dir was of the same folder
// (every file's bytes the same) and program, now is no earlier than its
// clock and before anything it published could change on its own (a
// midnight, an embargo's end), and every file it published is there as
// it left it. It returns the warnings that build's load gave, to print
// again.
func Unchanged(dir, sources string, now time.Time) ([]string, bool) {
	r, ok := readRecord(dir)
	if !ok || r.Sources == "" || r.Sources != sources {
		return nil, false
	}
	if t := now.UnixNano(); t < r.From || t >= r.Until || !r.intact(dir) {
		return nil, false
	}
	return r.Warnings, true
}

// Current reports whether dir already holds the site s would publish: its
// key is the one recorded beside dir, and every file is there as that
// build left it (a file deleted or edited by hand is put back).
func Current(dir string, s *Site) bool {
	r, ok := readRecord(dir)
	return ok && r.Key == s.Key() && r.intact(dir)
}

// writeRecord records beside st.dir, which now holds the site s with the
// manifest manifest, what the next build needs to know of it.
func (st *Stage) writeRecord(s *Site, manifest []byte) error {
	p, err := keyPath(st.dir)
	if err != nil {
		return err
	}
	r := record{Key: s.Key(), Manifest: sum(manifest), Files: make(map[string]fileStat, len(st.sums)), Parts: map[string]PartRecord{}}
	if s.Sources != "" {
		r.Sources, r.From, r.Until, r.Warnings = s.Sources, s.Now.UnixNano(), s.until().UnixNano(), s.Warnings
	}
	for path := range st.sums {
		fi, err := os.Lstat(filepath.Join(st.dir, filepath.FromSlash(path)))
		if err != nil {
			return err
		}
		r.Files[path] = fileStat{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}
	}
	s.partsMu.Lock()
	for y, pr := range s.parts {
		paths := slices.Clone(pr.paths)
		slices.Sort(paths)
		r.Parts[strconv.Itoa(y)] = PartRecord{Key: pr.Key, Files: paths}
	}
	s.partsMu.Unlock()
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(filepath.Dir(p))
	if err != nil {
		return err
	}
	defer root.Close()
	return atomicfile.WriteFile(root, filepath.Base(p), append(data, '\n'), 0o644)
}
