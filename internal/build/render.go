package build

import (
	"bytes"
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/script"
)

// Render renders every file of the model and hands each, cleaned of what
// no text may hold (bulletin.Clean), to emit as soon as it is done, so
// that a build never holds more than a file a core: a file's data is
// good only until emit returns. The files of the whole site come first,
// then the history a year at a time, newest first: the files of a year
// share a Part (each text's Markdown, each script), dropped with the year.
// Files render on every core, each core taking the next file of the list
// when it is free, so emit is called from several goroutines; no file
// depends on which ends first. Render returns the first error in the
// order of the table.
func Render(m *Model, emit func(File) error) error {
	// The parts in order, each listed when a core first finds the one
	// before it all taken, so that a large site never holds every job.
	type part struct {
		x    *Model
		part int
	}
	var parts []part
	for _, x := range m.Sites() {
		for _, p := range x.Parts() {
			parts = append(parts, part{x, p})
		}
	}
	var (
		mu       sync.Mutex
		jobs     []Job // of parts[nextPart-1], shared by p
		p        *Part
		nextJob  int
		numbered int // the jobs taken so far
		nextPart int
	)
	// take returns the next job, its number in the order of parts and
	// rows, and its part.
	take := func() (Job, int, *Part, bool) {
		mu.Lock()
		defer mu.Unlock()
		for nextJob == len(jobs) {
			if nextPart == len(parts) {
				return Job{}, 0, nil, false
			}
			x := parts[nextPart]
			jobs, p, nextJob = x.x.Jobs(x.part), NewPart(x.x.Site.BaseURL), 0
			nextPart++
		}
		j := jobs[nextJob]
		jobs[nextJob] = Job{}
		nextJob++
		numbered++
		return j, numbered - 1, p, true
	}
	var first error
	firstJob := -1
	fail := func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstJob < 0 || i < firstJob {
			first, firstJob = err, i
		}
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer // one a core, for every file it renders
			for {
				j, i, p, ok := take()
				if !ok {
					return
				}
				buf.Reset()
				err := j.Render(&buf, p)
				if err == nil {
					err = emit(File{Path: j.Path, MediaType: j.MediaType, Data: bulletin.Clean(buf.Bytes())})
				}
				if err != nil {
					fail(i, fmt.Errorf("render %s: %w", j.Path, err))
				}
				if buf.Cap() > maxKept {
					buf = bytes.Buffer{}
				}
			}
		})
	}
	wg.Wait()
	return first
}

// A core keeps its buffer for the next file unless it grew past maxKept:
// most files are a few kilobytes, a year's archive of whole bulletins
// about half a megabyte, which a buffer grown anew for each would
// allocate twice over, and a large site's sitemap megabytes.
const maxKept = 1 << 20

// RenderAll renders every file of the model, sorted by path: for small
// sites and tests.
func RenderAll(m *Model) ([]File, error) {
	var mu sync.Mutex
	var files []File
	err := Render(m, func(f File) error {
		f.Data = bytes.Clone(f.Data)
		mu.Lock()
		defer mu.Unlock()
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("render: two outputs write %s", files[i].Path)
		}
	}
	return files, nil
}

// RenderFile renders the one file of job by itself, cleaned, its
// Markdown rendered for it alone: as the preview server does when a page
// is asked for.
func (m *Model) RenderFile(j Job) ([]byte, error) {
	var buf bytes.Buffer
	if err := j.Render(&buf, NewPart(m.Site.BaseURL)); err != nil {
		return nil, fmt.Errorf("render %s: %w", j.Path, err)
	}
	return bulletin.Clean(buf.Bytes()), nil
}

// A Part is what the files of a part of a site (Output.Files) share as
// they render, so that each is made once for the several files that show
// it: each text's Markdown, rendered, and each bulletin's read-aloud
// script, which has two formats. It is safe for concurrent use.
type Part struct {
	Text *markdown.Cache

	mu      sync.Mutex
	scripts map[*bulletin.Bulletin]*partScript
}

type partScript struct {
	once sync.Once
	sc   *script.Script
}

// NewPart returns an empty part of the site at base.
func NewPart(base *url.URL) *Part {
	return &Part{Text: markdown.NewCache(base), scripts: map[*bulletin.Bulletin]*partScript{}}
}

// script returns the script of b, a bulletin of m.
func (p *Part) script(m *Model, b *bulletin.Bulletin) *script.Script {
	p.mu.Lock()
	s := p.scripts[b]
	if s == nil {
		s = new(partScript)
		p.scripts[b] = s
	}
	p.mu.Unlock()
	s.once.Do(func() { s.sc = script.New(m.Site, b, p.Text, m.tracked) })
	return s.sc
}
