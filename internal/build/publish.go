package build

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
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
	st, _, err := OpenStage(dir)
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
// stages beside a folder: OpenStage waits for a lock, then removes the
// stages that killed builds left.
type Stage struct {
	dir, path string
	root      *os.Root
	owned     map[string]bool // the files the previous build published
	unlock    func()

	mu      sync.Mutex
	dirs    map[string]bool // folders made in the stage
	added   map[string]bool // the files this build produced
	written []string
}

// OpenStage starts a new site for the folder dir. It returns the stage
// and the manifest dir holds, or an empty one; the stage keeps only its
// list of files.
func OpenStage(dir string) (*Stage, *Manifest, error) {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // publish into what a link points at, keeping the link
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, nil, err
	}
	unlock, err := lock(dir)
	if err != nil {
		return nil, nil, err
	}
	cleanStale(dir)
	st := &Stage{dir: dir, owned: map[string]bool{}, unlock: unlock, added: map[string]bool{}, dirs: map[string]bool{".": true},
		path: filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-"+random())}
	prev, err := ReadManifest(filepath.Join(dir, ManifestFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		prev = &Manifest{}
	case err != nil:
		// Read as empty, it would let SEQUENCEs drop and cancelled
		// copies go, unnoticed.
		unlock()
		return nil, nil, fmt.Errorf("%w: the manifest records the IDs and SEQUENCEs subscribers already hold; restore it (a copy is on the live site) or, to start afresh, delete it", err)
	}
	for _, p := range prev.Files {
		st.owned[p] = true
	}
	if err := os.MkdirAll(st.path, 0o755); err != nil {
		unlock()
		return nil, nil, err
	}
	if st.root, err = os.OpenRoot(st.path); err != nil {
		st.Discard()
		return nil, nil, err
	}
	return st, prev, nil
}

// Add puts one file into the stage. It may be called from several
// goroutines.
func (st *Stage) Add(f File) error {
	if !filepath.IsLocal(filepath.FromSlash(f.Path)) || f.Path == ManifestFile {
		return fmt.Errorf("write %s: not a path inside %s", f.Path, st.dir)
	}
	st.mu.Lock()
	if st.added[f.Path] {
		st.mu.Unlock()
		return fmt.Errorf("render: two outputs write %s", f.Path)
	}
	st.added[f.Path] = true
	owned := st.owned[f.Path]
	dir := path.Dir(f.Path)
	made := st.dirs[dir]
	st.mu.Unlock()

	// The stage is a new folder of this build's, holding nothing but the
	// folders and files it adds until Commit carries other files over,
	// and every path is local: the files can go in by plain path, at a
	// third of the system calls of going through st.root.
	staged := filepath.Join(st.path, filepath.FromSlash(f.Path))
	if !made {
		// Most folders are a bulletin's, in a folder made already: one
		// call makes them, where MkdirAll would look first.
		if err := os.Mkdir(filepath.Dir(staged), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
				return err
			}
		}
		st.mu.Lock()
		st.dirs[dir] = true
		st.mu.Unlock()
	}
	// A file the previous build published with the same bytes, as they
	// are still there, is kept as it is.
	published := filepath.Join(st.dir, filepath.FromSlash(f.Path))
	if owned && sameBytes(published, f.Data) && os.Link(published, staged) == nil {
		return nil
	}
	if err := writeNew(staged, f.Data); err != nil {
		return fmt.Errorf("write %s: %w", f.Path, err)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.written = append(st.written, f.Path)
	return nil
}

// Discard drops the stage: the output folder stays as it was.
func (st *Stage) Discard() {
	if st.root != nil {
		st.root.Close()
	}
	removeAll(st.path)
	st.unlock()
}

// removeAll removes the folder dir and all it holds, its entries side by
// side on every core: after a swap, it is the whole previous site, which
// one core takes as long to remove as to publish.
func removeAll(dir string) {
	entries, _ := os.ReadDir(dir)
	work := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range work {
				os.RemoveAll(p)
			}
		})
	}
	for _, e := range entries {
		work <- filepath.Join(dir, e.Name())
	}
	close(work)
	wg.Wait()
	os.RemoveAll(dir)
}

// Commit records in m the files added, and swaps the stage in for the
// output folder, unless nothing changed.
func (st *Stage) Commit(m *Manifest) (*Result, error) {
	// Whatever happens, the stage goes: after a swap it holds the old site.
	defer st.Discard()
	m.Files = slices.Sorted(maps.Keys(st.added))
	res := &Result{Written: st.written}
	slices.Sort(res.Written)
	for p := range st.owned {
		if !st.added[p] {
			res.Removed = append(res.Removed, p)
		}
	}
	slices.Sort(res.Removed)
	if err := st.writeManifest(m); err != nil {
		return nil, err
	}
	if len(res.Written) == 0 && len(res.Removed) == 0 && sameFiles(filepath.Join(st.path, ManifestFile), filepath.Join(st.dir, ManifestFile)) {
		return res, nil // nothing changed: the stage goes
	}
	// Others' files last, where they do not clash with ours.
	var err error
	if res.Replaced, err = carryOthers(st.dir, st.path, st.owned, st.added); err != nil {
		return nil, err
	}
	if err := syncTree(st.path); err != nil {
		return nil, err
	}
	if err := swap(st.path, st.dir); err != nil {
		return nil, fmt.Errorf("publish %s: %w", st.dir, err)
	}
	return res, nil
}

// writeManifest writes m into the stage as it encodes it.
func (st *Stage) writeManifest(m *Manifest) error {
	f, err := st.root.OpenFile(ManifestFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	err = m.encode(bufio.NewWriterSize(f, 64<<10))
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", ManifestFile, err)
	}
	return nil
}

// carryOthers hard-links into stage every file of dir that the previous
// build did not own, files someone else put there, unless it stands where
// one of ours does. It returns the paths of ours where someone else had
// put a file or folder, sorted.
func carryOthers(dir, stage string, owned, ours map[string]bool) ([]string, error) {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var replaced []string
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ours[p] && !owned[p] {
			replaced = append(replaced, p)
		}
		if d.Type()&fs.ModeSymlink != 0 && !owned[p] {
			// The walk does not follow a link to a folder: ours that
			// someone else's files stand for through it are replaced too.
			for o := range ours {
				if !strings.HasPrefix(o, p+"/") {
					continue
				}
				if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(o))); err == nil {
					replaced = append(replaced, o)
				}
			}
		}
		if d.IsDir() || owned[p] || p == ManifestFile || clashes(p, ours) {
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
	slices.Sort(replaced)
	return replaced, err
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

// sameFiles reports whether the regular files at a and b hold the same
// bytes, reading them a piece at a time.
func sameFiles(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	sa, erra := fa.Stat()
	sb, errb := fb.Stat()
	if erra != nil || errb != nil || !sa.Mode().IsRegular() || !sb.Mode().IsRegular() || sa.Size() != sb.Size() {
		return false
	}
	pa, pb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, pa)
		nb, errb := io.ReadFull(fb, pb)
		if na != nb || !bytes.Equal(pa[:na], pb[:nb]) {
			return false
		}
		if erra != nil || errb != nil {
			return (erra == io.EOF || erra == io.ErrUnexpectedEOF) && (errb == io.EOF || errb == io.ErrUnexpectedEOF)
		}
	}
}

// pieces are the buffers sameBytes reads files into, a piece at a time.
var pieces = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

func random() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
