package build

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A Result says what Publish did.
type Result struct {
	Written  []string // files whose bytes are new or changed
	Removed  []string // files an earlier build wrote that this one does not
	Replaced []string // files someone else put where this build writes one
}

// Publish makes the folder dir hold files and the manifest, replacing
// what an earlier build published there, all at once: the new site is
// staged in a folder beside dir, unchanged files hard-linked into it so
// that their modification times stay, and the two folders are then
// swapped in one step (see swap). At every instant dir is wholly the old
// site or wholly the new. Files that no build of prayerfeed wrote (a
// CNAME, a .well-known folder) are carried over; files the previous
// manifest lists and this build does not produce are dropped. When
// nothing changed, nothing is written at all.
func Publish(dir string, files []File, m *Manifest) (*Result, error) {
	for _, f := range files {
		if !filepath.IsLocal(filepath.FromSlash(f.Path)) || f.Path == ManifestFile {
			return nil, fmt.Errorf("write %s: not a path inside %s", f.Path, dir)
		}
	}
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
	defer unlock()
	cleanStale(dir)

	prev := &Manifest{}
	if old, err := ReadManifest(filepath.Join(dir, ManifestFile)); err == nil {
		prev = old
	}
	res := &Result{}
	unchanged := map[string]bool{}
	// A file is unchanged when the previous build published the same
	// bytes (its manifest says so) and the file there still has their
	// size; reading every published file back would cost as much again
	// as writing it.
	for _, f := range files {
		if prev.Files[f.Path] == sum(f.Data) && sameSize(filepath.Join(dir, filepath.FromSlash(f.Path)), len(f.Data)) {
			unchanged[f.Path] = true
		} else {
			res.Written = append(res.Written, f.Path)
		}
	}
	produced := map[string]bool{}
	for _, f := range files {
		produced[f.Path] = true
	}
	for p := range prev.Files {
		if !produced[p] {
			res.Removed = append(res.Removed, p)
		}
	}
	slices.Sort(res.Removed)
	for _, f := range files {
		if _, owned := prev.Files[f.Path]; !owned {
			if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.Path))); err == nil {
				res.Replaced = append(res.Replaced, f.Path)
			}
		}
	}
	manifest := m.encode()
	if len(res.Written) == 0 && len(res.Removed) == 0 && sameBytes(filepath.Join(dir, ManifestFile), manifest) {
		return res, nil
	}

	stage := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".staging-"+random())
	if err := os.MkdirAll(stage, 0o755); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(stage)
		}
	}()
	// Ours first, through a root so that nothing can lead a write out of
	// the stage; then others' files, where they do not clash with ours.
	root, err := os.OpenRoot(stage)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	for _, f := range files {
		if err := root.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			return nil, err
		}
		if unchanged[f.Path] && os.Link(filepath.Join(dir, filepath.FromSlash(f.Path)), filepath.Join(stage, filepath.FromSlash(f.Path))) == nil {
			continue
		}
		if err := root.WriteFile(f.Path, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	if err := carryOthers(dir, stage, prev, produced); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(stage, ManifestFile), manifest, 0o644); err != nil {
		return nil, err
	}
	if err := syncTree(stage); err != nil {
		return nil, err
	}
	if err := swap(stage, dir); err != nil {
		return nil, fmt.Errorf("publish %s: %w", dir, err)
	}
	ok = true
	os.RemoveAll(stage) // now the old site
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

func sameSize(path string, size int) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == int64(size)
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
