package bulletin

import (
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Podcast is the settings of a site's podcast feed, feeds/podcast.rss,
// which lists every published bulletin that carries a recording
// (site.yaml's podcast).
type Podcast struct {
	Pos      Pos // the podcast key in site.yaml
	Settings Pos // its first setting
	Fields   *Fields

	Title       string // the site's title when not given
	Author      string // the organisation's name when not given
	Owner       Org    // Name and Email only; the organisation's when not given
	Image       string // absolute https URL of square JPEG or PNG artwork
	Category    string // one of Apple's Categories
	Subcategory string // one of its subcategories, or ""
	Explicit    bool
	GUID        string // podcast:guid, fixed for the podcast's life
	Locked      bool   // podcast:locked: no other platform may import the feed
}

// CategoriesURL is where Apple lists its podcast categories.
const CategoriesURL = "https://podcasters.apple.com/support/1691-apple-podcasts-categories"

// Categories are Apple Podcasts' categories, each with its subcategories,
// as Apple lists them at CategoriesURL.
var Categories = map[string][]string{
	"Arts":                    {"Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"},
	"Business":                {"Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"},
	"Comedy":                  {"Comedy Interviews", "Improv", "Stand-Up"},
	"Education":               {"Courses", "How To", "Language Learning", "Self-Improvement"},
	"Fiction":                 {"Comedy Fiction", "Drama", "Science Fiction"},
	"Government":              nil,
	"History":                 nil,
	"Health & Fitness":        {"Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"},
	"Kids & Family":           {"Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"},
	"Leisure":                 {"Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games"},
	"Music":                   {"Music Commentary", "Music History", "Music Interviews"},
	"News":                    {"Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News"},
	"Religion & Spirituality": {"Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"},
	"Science":                 {"Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature", "Physics", "Social Sciences"},
	"Society & Culture":       {"Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"},
	"Sports":                  {"Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"},
	"Technology":              nil,
	"True Crime":              nil,
	"TV & Film":               {"After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"},
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Validate reports every problem with the podcast settings on their own.
// Whether they are complete enough for the bulletins is CheckAudio's
// question.
func (p *Podcast) Validate() ErrorList {
	var errs ErrorList
	at := func(key string) Pos { return p.Fields.at(key, p.Pos) }
	if p.Image != "" {
		u, err := url.Parse(p.Image)
		switch ext := strings.ToLower(path.Ext(u.Path)); {
		case err != nil || u.Scheme != "https" || u.Host == "":
			errs.Add(at("image"), "image %q must be an https URL, such as \"https://example.org/podcast.jpg\"", p.Image)
		case ext != "" && ext != ".jpg" && ext != ".jpeg" && ext != ".png":
			errs.Add(at("image"), "image %q must be JPEG or PNG artwork, the only kinds Apple Podcasts accepts", p.Image)
		}
	}
	if p.Category != "" {
		if subs, ok := Categories[p.Category]; !ok {
			errs.Add(at("category"), "unknown category %q%s", p.Category, categoryHint(p.Category))
		} else if p.Subcategory != "" && !slices.Contains(subs, p.Subcategory) {
			if len(subs) == 0 {
				errs.Add(at("subcategory"), "category %q has no subcategories; remove subcategory", p.Category)
			} else {
				errs.Add(at("subcategory"), "unknown subcategory %q of %q; use %s", p.Subcategory, p.Category, quotedOr(subs))
			}
		}
	} else if p.Subcategory != "" {
		errs.Add(at("subcategory"), "subcategory %q needs a category", p.Subcategory)
	}
	if e := p.Owner.Email; e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			errs.Add(p.Fields.at("owner.email", p.Pos), "email %q is not an e-mail address such as \"podcast@example.org\"", e)
		}
	}
	if p.GUID != "" && !uuidRE.MatchString(p.GUID) {
		errs.Add(at("guid"), "guid %q must be a UUID, 36 characters shaped as \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"; leave it out to have one made from the feed's URL", p.GUID)
	}
	return errs
}

// categoryHint says what an unknown category was likely meant to be: the
// category spelt otherwise, or the category of a subcategory.
func categoryHint(name string) string {
	norm := func(s string) string {
		return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), " and ", " & ")), " ")
	}
	names := make([]string, 0, len(Categories))
	for c := range Categories {
		names = append(names, c)
	}
	slices.Sort(names)
	for _, c := range names {
		if norm(c) == norm(name) {
			return ` (did you mean "` + c + `"?)`
		}
	}
	for _, c := range names {
		for _, sub := range Categories[c] {
			if norm(sub) == norm(name) {
				return `; "` + sub + `" is a subcategory: write category: ` + c + ` and subcategory: ` + sub
			}
		}
	}
	return "; use one of Apple's categories, such as \"Religion & Spirituality\" (see " + CategoriesURL + ")"
}

func quotedOr(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = `"` + w + `"`
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// CheckAudio reports what the podcast feed lacks when any bulletin carries
// audio: the podcast settings altogether, at the first bulletin's audio,
// or the artwork and category Apple requires, at site.yaml's podcast key.
func CheckAudio(s *Site, bulletins []*Bulletin) ErrorList {
	var errs ErrorList
	var first *Bulletin
	for _, b := range sortedByPos(bulletins) {
		if b.Audio != nil {
			first = b
			break
		}
	}
	if first == nil {
		return nil
	}
	p := s.Podcast
	if p == nil {
		errs.Add(first.Audio.Pos, "audio needs the podcast settings of site.yaml: add podcast: to it, with image: and category:")
		return errs
	}
	if p.Image == "" {
		errs.Add(p.Pos, "podcast has no image, which the feed of bulletins with audio (the first at %s) needs: add image: with the https URL of square JPEG or PNG artwork, 1400 to 3000 pixels wide, as Apple Podcasts requires", first.Audio.Pos)
	}
	if p.Category == "" {
		errs.Add(p.Pos, "podcast has no category, which the feed of bulletins with audio (the first at %s) needs: add category: with one of Apple's categories, such as \"Religion & Spirituality\"", first.Audio.Pos)
	}
	return errs
}
