// Package page renders the site's HTML pages with html/template: the home
// page, a page per bulletin, per region, the archive, the events and the
// subscribe page, and beside them the 404 page, sitemap.xml, robots.txt
// and the stylesheet.
//
// The pages are semantic and accessible, read well on a phone and in
// print, load nothing from elsewhere, and work without JavaScript; the
// one script, which adds copy buttons, only adds to them.
package page

import (
	"bytes"
	"cmp"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/markup"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// A File is one rendered file, its path relative to the site's root.
type File struct {
	Path string
	Data []byte
}

// Input is everything the pages show.
type Input struct {
	Site      *bulletin.Site
	Bulletins []*bulletin.Bulletin // published, newest first
	Events    []*bulletin.Tracked
	Now       time.Time
	Feeds     []Feed     // the all-bulletins feed first, then the regions'
	Calendars []Calendar // all, hearings, gatherings, then the regions'
	Podcast   string     // the podcast feed's URL, or "" when there is none
	Diary     *Calendar  // the prayer diary's calendar, or nil when the site has none
	// Scripts, when set, returns the URL of a bulletin's read-aloud
	// script, or "".
	Scripts func(*bulletin.Bulletin) string
	// Languages are the site in each of its languages, its own among
	// them, when it has more than one: its pages link theirs.
	Languages []Language
}

// A Language is the site in one of its languages.
type Language struct {
	Tag  string
	Site *bulletin.Site
	// Has reports whether the site in the language has the page at a
	// path, such as "bulletins/2026-11-27/".
	Has func(path string) bool
}

// An Alternate is the page in another language, or the home page of
// that language's site when it lacks the page.
type Alternate struct {
	Tag  string // BCP 47
	Name string // the language in its own words: "Español"
	URL  string
	Same bool // the same page, as against the language's home page
	Self bool // the page itself
}

// Pages renders the pages of one site. New prepares what every page
// shares, once; its methods may then be called from several goroutines,
// in any order.
type Pages struct {
	in     *Input
	byID   map[string]*bulletin.Tracked // Events by ID
	chrome *chrome
}

// New returns the renderer of the pages of in.
func New(in *Input) (*Pages, error) {
	ps := &Pages{in: in, byID: bulletin.ByID(in.Events)}
	v := &view{In: in, Site: in.Site, Root: in.Site.BaseURL.Path, Assets: in.Site.BaseURL.Path}
	if len(in.Languages) > 0 {
		v.Assets = in.Languages[0].Site.BaseURL.Path
	}
	if u, err := url.Parse(in.Site.Logo); err == nil && in.Site.Logo != "" && strings.EqualFold(u.Host, in.Site.BaseURL.Host) {
		v.Logo = u.Path
	}
	if c, ok := bulletin.ParseColor(in.Site.Accent); ok {
		v.Accent = template.CSS(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)) // checked: safe in CSS
	}
	var top, bottom strings.Builder
	t := pages["notfound.html"]
	if err := errors.Join(t.ExecuteTemplate(&top, "top", v), t.ExecuteTemplate(&bottom, "bottom", v)); err != nil {
		return nil, fmt.Errorf("page chrome: %w", err)
	}
	ps.chrome = &chrome{Top: template.HTML(top.String()), Bottom: template.HTML(bottom.String())}
	return ps, nil
}

// A Feed is a feed in its three formats.
type Feed struct {
	Name  string // "all" or a region ID
	Title string
	RSS   string
	Atom  string
	JSON  string
}

// A Calendar is a subscription calendar.
type Calendar struct {
	Name  string // "all", "hearings", "gatherings" or a region ID
	Title string
	URL   string // https
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages are the page templates, each parsed once with the layout.
var pages = map[string]*template.Template{}

func init() {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, name := range names {
		base := path.Base(name)
		if base == "layout.html" {
			continue
		}
		pages[base] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name))
	}
}

var funcs = template.FuncMap{
	"isoDate": func(t time.Time) string { return t.Format("2006-01-02") },
	// webcal: links are safe (built from the https base URL), but
	// html/template trusts only http, https and mailto.
	"webcal":           func(u string) template.URL { return template.URL(Webcal(u)) },
	"googleSubscribe":  GoogleSubscribe,
	"outlookSubscribe": OutlookSubscribe,
}

// A view is what a page template sees.
type view struct {
	In          *Input
	Site        *bulletin.Site
	Title       string // the page's own title, "" on the home page
	Description string
	Canonical   string
	Root        string // the site's root path, such as "/" or "/prayer/": links work on any host
	Assets      string // the root path of the stylesheet and script: the site's in its own language
	Feeds       []Feed // the feeds this page points readers to
	Data        any
	Chrome      *chrome
	// Logo is the site's logo when it is on the site's own host (the
	// pages load nothing from elsewhere), and Accent its colour.
	Logo   string
	Accent template.CSS
	// Alternates are the page in every language of the site, when it
	// has more than one.
	Alternates []Alternate
}

// The words of the page's language (package words), for its templates.

// T returns a message in the page's language.
func (v *view) T(msg string) string { return v.Site.Words().T(msg) }

// F returns a message in the page's language, filled in with args.
func (v *view) F(msg string, args ...any) string { return v.Site.Words().F(msg, args...) }

// H returns a message that holds markup, in the page's language, filled
// in with args, each escaped: the message is the package's own, never a
// writer's.
func (v *view) H(msg string, args ...any) template.HTML {
	for i, a := range args {
		args[i] = template.HTMLEscapeString(fmt.Sprint(a))
	}
	return template.HTML(v.Site.Words().F(msg, args...))
}

// LongDate writes the day of t with its weekday: "Friday 27 November
// 2026".
func (v *view) LongDate(t time.Time) string {
	y, m, d := t.Date()
	return v.Site.Words().LongDate(y, m, d)
}

// A copyField is an address to copy, with its labels.
type copyField struct{ URL, Label, Button string }

// Copy returns the address u to copy, for the template "copy".
func (v *view) Copy(u string) copyField {
	return copyField{u, v.T("Address to copy"), v.T("Copy")}
}

// chrome is what every page has around its content, the same on every
// page of a site: rendered once, not once a page.
type chrome struct {
	Top    template.HTML // from the stylesheet's link to <main>
	Bottom template.HTML // from </main> to the end
}

// All renders every page, each bulletin's too: for small sites and
// tests.
func (ps *Pages) All() ([]File, error) {
	c := markdown.NewCache(ps.in.Site.BaseURL)
	var files []File
	var errs []error
	add := func(path string, render func(io.Writer) error) {
		var b bytes.Buffer
		errs = append(errs, render(&b))
		files = append(files, File{Path: path, Data: b.Bytes()})
	}
	add("index.html", func(w io.Writer) error { return ps.Home(w, c) })
	add("archive/index.html", ps.Archive)
	add("events/index.html", func(w io.Writer) error { return ps.Events(w, c) })
	add("subscribe/index.html", ps.Subscribe)
	add("404.html", ps.NotFound)
	add("sitemap.xml", ps.Sitemap)
	add("robots.txt", ps.Robots)
	for _, reg := range ps.in.Site.Regions {
		add(bulletin.RegionPath(reg)+"index.html", func(w io.Writer) error { return ps.Region(w, reg, c) })
	}
	for _, b := range ps.in.Bulletins {
		add(bulletin.BulletinPath(b)+"index.html", func(w io.Writer) error { return ps.Bulletin(w, b, c) })
	}
	return append(files, Assets()...), errors.Join(errs...)
}

// Assets returns the stylesheet and the script every page loads.
func Assets() []File {
	var files []File
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		files = append(files, File{Path: "assets/" + strings.TrimPrefix(p, "static/"), Data: data})
		return err
	})
	return files
}

// The pages, each written to w: index.html, bulletins/<id>/index.html,
// regions/<id>/index.html, archive/index.html, events/index.html,
// subscribe/index.html, 404.html, sitemap.xml and robots.txt. Those that
// show Markdown render it through c.

// Home writes the home page.
func (ps *Pages) Home(w io.Writer, c *markdown.Cache) error { return ps.one(w, c, (*renderer).home) }

// Bulletin writes the page of the bulletin b.
func (ps *Pages) Bulletin(w io.Writer, b *bulletin.Bulletin, c *markdown.Cache) error {
	return ps.one(w, c, func(r *renderer) { r.bulletin(b) })
}

// Region writes the page of a region.
func (ps *Pages) Region(w io.Writer, reg *bulletin.Region, c *markdown.Cache) error {
	return ps.one(w, c, func(r *renderer) { r.region(reg) })
}

// Archive writes the list of every bulletin.
func (ps *Pages) Archive(w io.Writer) error { return ps.one(w, nil, (*renderer).archive) }

// Events writes the page of hearings and gatherings, coming and recent.
func (ps *Pages) Events(w io.Writer, c *markdown.Cache) error {
	return ps.one(w, c, (*renderer).events)
}

// Subscribe writes the page of feeds and calendars to subscribe to.
func (ps *Pages) Subscribe(w io.Writer) error { return ps.one(w, nil, (*renderer).subscribe) }

// NotFound writes the page a host shows for a missing path.
func (ps *Pages) NotFound(w io.Writer) error {
	return ps.one(w, nil, func(r *renderer) {
		w := r.s.Words()
		r.render("notfound.html", w.T("Page not found"), w.T("This page does not exist."), "", nil, nil)
	})
}

// Sitemap writes sitemap.xml.
func (ps *Pages) Sitemap(w io.Writer) error { return ps.one(w, nil, (*renderer).sitemap) }

// Robots writes robots.txt, which names the sitemap of every language.
func (ps *Pages) Robots(w io.Writer) error {
	s := "User-agent: *\nAllow: /\n"
	sites := []*bulletin.Site{ps.in.Site}
	if len(ps.in.Languages) > 0 {
		sites = nil
		for _, l := range ps.in.Languages {
			sites = append(sites, l.Site)
		}
	}
	for _, site := range sites {
		s += "Sitemap: " + site.URL("sitemap.xml") + "\n"
	}
	_, err := io.WriteString(w, s)
	return err
}

// one runs render, which writes one page to w, with a renderer whose
// Markdown goes through c, or a cache of its own when c is nil.
func (ps *Pages) one(w io.Writer, c *markdown.Cache, render func(*renderer)) error {
	if c == nil {
		c = markdown.NewCache(ps.in.Site.BaseURL)
	}
	r := &renderer{ps: ps, in: ps.in, s: ps.in.Site, c: c, w: w}
	render(r)
	return r.err
}

type renderer struct {
	c   *markdown.Cache // the Markdown of what the page shows
	ps  *Pages
	in  *Input
	s   *bulletin.Site
	w   io.Writer
	err error
}

// render executes a page template into the renderer's writer.
func (r *renderer) render(tmpl, title, description, canonicalPath string, feeds []Feed, data any) {
	v := &view{In: r.in, Site: r.s, Title: title, Description: description, Root: r.s.BaseURL.Path, Feeds: feeds, Data: data, Chrome: r.ps.chrome}
	if canonicalPath != "" || tmpl == "home.html" {
		v.Canonical = r.s.URL(canonicalPath)
	}
	if len(v.Feeds) == 0 && len(r.in.Feeds) > 0 {
		v.Feeds = r.in.Feeds[:1]
	}
	if v.Canonical != "" {
		for _, l := range r.in.Languages {
			a := Alternate{Tag: l.Tag, Name: languageName(l.Tag), URL: l.Site.URL(""), Self: l.Site == r.s}
			if l.Has(canonicalPath) {
				a.URL, a.Same = l.Site.URL(canonicalPath), true
			}
			v.Alternates = append(v.Alternates, a)
		}
	}
	if err := pages[tmpl].Execute(r.w, v); err != nil && r.err == nil {
		r.err = fmt.Errorf("page %s: %w", tmpl, err)
	}
}

// languageName returns a language's name in its own words, capitalised
// as it begins a line: "Español" for "es".
func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	name := display.Self.Name(t)
	if name == "" {
		return tag
	}
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToTitle(r)) + name[size:]
}

// local returns the path of p from the host's root, for links within the
// site, which then work on the preview server as on the real host.
func (r *renderer) local(p string) string {
	return r.s.BaseURL.Path + p
}

func (r *renderer) feedOf(name string) []Feed {
	for _, f := range r.in.Feeds {
		if f.Name == name {
			return []Feed{f}
		}
	}
	return nil
}

// writer returns a writer of the HTML of bulletins, points and events,
// with links from the root of the host.
func (r *renderer) writer() *markup.Writer {
	return &markup.Writer{Site: r.s, Tracked: r.ps.byID, Markdown: r.c, Root: r.s.BaseURL.Path, Now: r.in.Now}
}

// bulletinView is a whole bulletin as its page and the home page show it.
type bulletinView struct {
	*bulletin.Bulletin
	URL    string
	HTML   template.HTML // its scripture, intro and points
	Script string
	// Held is set on a bulletin held back until later, which only the
	// preview server shows (bulletin.Preview).
	Held bool
}

func (r *renderer) newBulletin(b *bulletin.Bulletin) *bulletinView {
	w := r.writer()
	w.Bulletin(b)
	v := &bulletinView{Bulletin: b, URL: r.local(bulletin.BulletinPath(b)), HTML: template.HTML(w.String()), Held: b.Published().After(r.in.Now)}
	if r.in.Scripts != nil {
		v.Script = r.in.Scripts(b)
	}
	return v
}

// eventList returns the HTML of a list of events as they now stand, or
// "" for none.
func (r *renderer) eventList(events []*bulletin.Event) template.HTML {
	if len(events) == 0 {
		return ""
	}
	w := r.writer()
	w.Events(events)
	return template.HTML(w.String())
}

// upcoming returns the events whose last day is today or later, soonest
// first, and the recent ones, within the calendars' past window, latest
// first.
func (r *renderer) upcoming() (next, recent []*bulletin.Event) {
	for _, t := range r.in.Events {
		last, today := t.LastDay(), t.Today(r.in.Now)
		switch {
		case !last.Before(today):
			next = append(next, t.Event)
		case !last.Before(today.AddDays(-r.s.PastDays)):
			recent = append(recent, t.Event)
		}
	}
	slices.Reverse(recent)
	return next, recent
}

func (r *renderer) about() template.HTML {
	return template.HTML(r.c.HTML(spool.Of(r.s.About)))
}

func (r *renderer) home() {
	next, _ := r.upcoming()
	data := struct {
		Latest   *bulletinView
		Upcoming template.HTML
		About    template.HTML
	}{About: r.about()}
	if len(next) > 0 {
		w := r.writer()
		w.Coming(next[:min(len(next), 6)])
		data.Upcoming = template.HTML(w.String())
	}
	if len(r.in.Bulletins) > 0 {
		data.Latest = r.newBulletin(r.in.Bulletins[0])
	}
	r.render("home.html", "", r.s.Description, "", nil, data)
}

func (r *renderer) newest() time.Time {
	var t time.Time
	for _, b := range r.in.Bulletins {
		if b.Modified().After(t) {
			t = b.Modified()
		}
	}
	return t
}

func (r *renderer) bulletin(b *bulletin.Bulletin) {
	p := bulletin.BulletinPath(b)
	title := b.DatedTitle()
	desc := markdown.Shorten(strings.Join(strings.Fields(b.Scripture.Text), " ")+" — "+b.Scripture.Reference, 200)
	r.render("bulletin.html", title, desc, p, nil, struct {
		B     *bulletinView
		About template.HTML
	}{r.newBulletin(b), r.about()})
}

// A regionEntry is a point on its region's page.
type regionEntry struct {
	HTML     template.HTML
	Bulletin *bulletin.Bulletin
	URL      string
}

func (r *renderer) region(reg *bulletin.Region) {
	// A region's page shows its newest points, as many as its feed holds,
	// so that it stays one readable page however long the history; the
	// older ones are in the archive's bulletins.
	var entries []regionEntry
	more, limit := 0, max(r.s.FeedLimit, 1)
	for _, b := range r.in.Bulletins {
		for _, pt := range b.Points {
			if pt.Region != reg.ID {
				continue
			}
			if len(entries) == limit {
				more++
				continue
			}
			w := r.writer()
			w.Point(pt, b.ID+"-"+pt.ID) // points of several bulletins share IDs here
			entries = append(entries, regionEntry{template.HTML(w.String()), b, r.local(bulletin.BulletinPath(b)) + "#" + pt.ID})
		}
	}
	p := bulletin.RegionPath(reg)
	desc := cmp.Or(reg.Description, r.s.Words().F("Praise and prayer for %s.", reg.Name))
	feeds := r.feedOf(reg.ID)
	if len(r.in.Feeds) > 0 {
		feeds = append(feeds, r.in.Feeds[0]) // the region's own first, then all regions'
	}
	r.render("region.html", reg.Name, desc, p, feeds, struct {
		Region  *bulletin.Region
		Entries []regionEntry
		More    int
		Feed    []Feed
		Cal     *Calendar
	}{reg, entries, more, r.feedOf(reg.ID), r.calendarOf(reg.ID)})
}

func (r *renderer) calendarOf(name string) *Calendar {
	for i := range r.in.Calendars {
		if r.in.Calendars[i].Name == name {
			return &r.in.Calendars[i]
		}
	}
	return nil
}

// A year is the bulletins of one year, newest first.
type year struct {
	Year      int
	Bulletins []*bulletin.Bulletin
}

func (r *renderer) archive() {
	var years []*year
	for _, b := range r.in.Bulletins {
		y := b.Date.Year()
		if len(years) == 0 || years[len(years)-1].Year != y {
			years = append(years, &year{Year: y})
		}
		years[len(years)-1].Bulletins = append(years[len(years)-1].Bulletins, b)
	}
	w := r.s.Words()
	r.render("archive.html", w.T("Archive"), w.F("Every bulletin of %s, by year.", r.s.Title), "archive/", nil, years)
}

func (r *renderer) events() {
	next, recent := r.upcoming()
	w := r.s.Words()
	r.render("events.html", w.T("Hearings and gatherings"), w.T("Court hearings to pray for and prayer gatherings to join."), "events/", nil, struct {
		Upcoming, Recent template.HTML
		Calendars        []Calendar
	}{r.eventList(next), r.eventList(recent), r.in.Calendars})
}

func (r *renderer) subscribe() {
	data := struct {
		Main    *Calendar  // the calendar most people want: every event
		Others  []Calendar // by kind, then by region
		All     *Feed      // the feed of every bulletin
		Feeds   []Feed
		OPML    string
		Podcast string
		Diary   *Calendar
		// DiaryFeed is the diary's feed, for readers and the services
		// that send a feed by email.
		DiaryFeed *Feed
	}{Feeds: r.in.Feeds, OPML: r.s.URL("feeds.opml"), Podcast: r.in.Podcast, Diary: r.in.Diary}
	for i := range r.in.Feeds {
		if r.in.Feeds[i].Name == "diary" {
			data.DiaryFeed = &r.in.Feeds[i]
		}
	}
	if len(r.in.Calendars) > 0 {
		data.Main, data.Others = &r.in.Calendars[0], r.in.Calendars[1:]
	}
	if len(r.in.Feeds) > 0 {
		data.All = &r.in.Feeds[0]
	}
	w := r.s.Words()
	r.render("subscribe.html", w.T("Subscribe"), w.F("Follow %s in your calendar and your feed reader.", r.s.Title), "subscribe/", r.in.Feeds, data)
}
