package build

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// Render renders every file of the model and hands each, cleaned of what
// no text may hold (bulletin.Clean), to emit as soon as it is done, so
// that a build never holds more than a file a core: a file's data is
// good only until emit returns. The files of the whole site come first,
// then the history a year at a time, newest first: the files of a year
// share one rendering of each text's Markdown, dropped with the year.
// Files render on every core, each core taking the next file of the list
// when it is free, so emit is called from several goroutines; no file
// depends on which ends first. Render returns the first error in the
// order of the table.
func Render(m *Model, emit func(File) error) error {
	type task struct {
		j    Job
		text *markdown.Cache
	}
	// Every file's job, listed at once; a part's jobs share a rendering
	// of each text's Markdown, which goes once its last job is taken.
	var tasks []task
	for _, x := range m.Sites() {
		for _, part := range x.Parts() {
			text := markdown.NewCache(x.Site.BaseURL)
			for _, j := range x.Jobs(part) {
				tasks = append(tasks, task{j, text})
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
				err := t.j.Render(&buf, t.text)
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
	if err := j.Render(&buf, markdown.NewCache(m.Site.BaseURL)); err != nil {
		return nil, fmt.Errorf("render %s: %w", j.Path, err)
	}
	return bulletin.Clean(buf.Bytes()), nil
}
