// Package build is prayerfeed's pipeline. Run takes a source folder
// through five steps, each named in its code:
//
//   - Load: read site.yaml and every bulletin (package load);
//   - Validate: check every rule, collecting every problem (package
//     bulletin); with any problem, nothing is written;
//   - Model: build the site as it is published at the build's clock, all
//     at once: the bulletins that are out, the events as they now stand,
//     the feeds, calendars and pages made of them (NewModel);
//   - Render: render every row of the table of outputs (Outputs), a year
//     of the history at a time, on every core (Render);
//   - Publish: put the rendered files into a folder beside the output,
//     keeping unchanged files as they are, and swap it in for the output
//     in one step (Stage).
//
// Every build renders everything. It keeps no state between runs but the
// manifest inside the output folder.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// Options says what Run builds, into where, and at what clock.
type Options struct {
	Src  fs.FS  // the source folder: site.yaml and the bulletins
	Name string // the source folder as messages name it, such as "bulletins"
	// Now returns the build's clock, which decides what is published. It
	// is given the site's time zone, in which a clock fixed to a day
	// starts. Nil means the real time.
	Now func(zone *time.Location) time.Time
	// Out is the output folder. When it is empty, Run stops after the
	// model, which the preview server renders a page at a time.
	Out string
	// Previous is the manifest of the site as last published, whose IDs
	// the build compares with its own and whose SEQUENCEs it continues.
	// Nil means the one in Out.
	Previous *Manifest
	// Strict makes a published ID that would vanish or change a problem:
	// the build fails and writes nothing.
	Strict bool
	// Progress, when set, is told each step as it starts ("checking",
	// "modelling", "rendering", "publishing"), and, while rendering, how
	// many files are done; it must be quick, and safe to call from
	// several goroutines.
	Progress func(step string, files int)
	// Preview adds the drafts and the bulletins held back until later
	// to the model, for the preview server. It is refused with Out.
	Preview bool
	// Cache, when set, keeps what loading made of each file for the next
	// run in this process, so that the preview server parses only the
	// files a save changed.
	Cache *load.Cache
}

// A Report says what a run found and did.
type Report struct {
	// Warnings are what is allowed but likely a mistake, sorted: those of
	// the source at their positions, then those of the outputs (a file
	// too large) with no position.
	Warnings bulletin.ErrorList
	// Held says which bulletins are not published, and why, at the
	// lines that hold them back (bulletin.Held).
	Held bulletin.ErrorList
	// Changed says of each published ID that this build would lose or
	// give to another request (see Model.CompareIDs): warnings, or under
	// Options.Strict problems; at a point's position where one stands
	// for it.
	Changed bulletin.ErrorList
	// Model is the site as published, when the source had no problems.
	Model *Model
	// Files counts the files rendered; Result says what publishing did.
	Files  int
	Result *Result
}

// ErrIDs is the error of a strict build that would change published IDs;
// the Report's Changed says which.
var ErrIDs = errors.New("published IDs would change")

// Run builds the site in opts.Src into opts.Out. It returns the problems
// of the source as a bulletin.ErrorList, and writes nothing when there is
// any problem.
func Run(opts Options) (*Report, error) {
	r := &Report{}
	progress := opts.Progress
	if progress == nil {
		progress = func(string, int) {}
	}
	progress("reading", 0)

	// A build that publishes keeps to a budget of memory (memory.go).
	var mem *budget
	if opts.Out != "" {
		mem = keepMemory()
		defer mem.done()
	}

	// Load.
	site, all, errs := opts.Cache.Dir(opts.Src, opts.Name)
	now := clock(opts.Now, site.Location)
	mem.grow(site, all)

	// Validate.
	progress("checking", 0)
	problems, warnings := bulletin.ValidateAll(site, all, now)
	errs.Append(problems)
	errs.Sort()
	r.Warnings = warnings
	r.Held = bulletin.Held(all, now)
	if err := errs.Err(); err != nil {
		return r, err
	}

	// The model holds copies of the published bulletins only. The loaded
	// ones, with the position of every key for messages, are let go of
	// one by one as they are copied, so that a large site never holds
	// both, and are gone before the previous manifest is read, which is
	// as large again.
	publish := bulletin.Public
	if opts.Preview {
		if opts.Out != "" {
			return r, errors.New("build: a preview is never published")
		}
		publish = bulletin.Preview
	}
	pub := make([]*bulletin.Bulletin, 0, len(all))
	for i := range all {
		pub = append(pub, publish(all[i:i+1], now)...)
		all[i] = nil
	}
	bulletin.SortNewestFirst(pub)

	// Publish begins: the lock on the output folder, under which the
	// previous manifest is read, so that no other build publishes
	// between this one's reading it and its swap.
	var st *Stage
	prev := opts.Previous
	if opts.Out != "" {
		var published *Manifest
		var err error
		if st, published, err = OpenStage(opts.Out); err != nil {
			return r, err
		}
		defer st.Discard()
		if prev == nil {
			prev = published
		}
	}

	// Model.
	progress("modelling", 0)
	m, err := NewModel(site, pub, now, prev)
	if err != nil {
		return r, err
	}
	r.Model = m
	if st == nil {
		return r, nil
	}
	// The IDs, compared with those published before anything is
	// rendered: a strict build that would change one renders nothing.
	// Both manifests, large, go after, while the files render.
	var kept *Manifest
	r.Changed, kept = m.CompareIDs(prev)
	for _, lm := range m.Languages {
		lang := lm.Site.Language
		changed, lkept := lm.CompareIDs(prev.Language(lang))
		r.Changed.Append(changed)
		if kept.Languages == nil {
			kept.Languages = map[string]*Manifest{}
		}
		kept.Languages[lang] = lkept
	}
	if opts.Strict && len(r.Changed) > 0 {
		return r, ErrIDs
	}
	opts.Previous = nil // prev goes here too: nothing after reads it

	// Render, into the stage as each file is done.
	var mu sync.Mutex
	var large bulletin.ErrorList
	err = Render(m, func(f File) error {
		mu.Lock()
		r.Files++
		progress("rendering", r.Files)
		if w := WarnFile(f); w != "" {
			large.Add(bulletin.Pos{}, "%s", w)
		}
		mu.Unlock()
		return st.Add(f)
	})
	if err != nil {
		return r, err
	}
	large.Sort()
	for _, x := range m.Sites() {
		r.Warnings.Append(x.Left)
	}
	r.Warnings.Append(large)

	// Publish.
	progress("publishing", r.Files)
	manifest := m.Manifest()
	manifest.carry(kept)
	if r.Result, err = st.Commit(manifest); err != nil {
		return r, err
	}
	return r, nil
}

// clock returns the time now gives in zone, or the real time.
func clock(now func(*time.Location) time.Time, zone *time.Location) time.Time {
	if zone == nil {
		zone = time.UTC
	}
	if now == nil {
		return time.Now()
	}
	return now(zone)
}

// At returns a clock fixed at t, for Options.Now.
func At(t time.Time) func(*time.Location) time.Time {
	return func(*time.Location) time.Time { return t }
}

// String returns what the report says of the site in one line: how
// many bulletins, points and events it has.
func (r *Report) String() string {
	if r.Model == nil {
		return ""
	}
	points, events := 0, 0
	for _, b := range r.Model.Bulletins {
		points += len(b.Points)
		for _, pt := range b.Points {
			events += len(pt.Events)
		}
	}
	return fmt.Sprintf("%s, %s, %s", plural(len(r.Model.Bulletins), "bulletin", "bulletins"),
		plural(points, "point", "points"), plural(events, "event", "events"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
