package build

import (
	"bytes"
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	type task struct {
		j Job
		p *Part
	}
	// Every file's job, listed at once; a part's jobs share a Part, which
	// goes once its last job is taken.
	var tasks []task
	for _, x := range m.Sites() {
		for _, part := range x.Parts() {
			p := NewPart(x.Site.BaseURL)
			for _, j := range x.Jobs(part) {
				tasks = append(tasks, task{j, p})
			}
		}
	}
	var mu sync.Mutex
	var first error
	firstJob := -1
	fail := func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstJob < 0 || i < firstJob {
			first, firstJob = err, i
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer // one a core, for every file it renders
			for {
				i := int(next.Add(1) - 1)
				if i >= len(tasks) {
					return
				}
				t := tasks[i]
				tasks[i] = task{} // its part's Markdown goes with the part's last job
				buf.Reset()
				err := t.j.Render(&buf, t.p)
				if err == nil {
					err = emit(File{Path: t.j.Path, MediaType: t.j.MediaType, Data: bulletin.Clean(buf.Bytes())})
				}
				if err != nil {
					fail(i, fmt.Errorf("render %s: %w", t.j.Path, err))
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
