package load

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// The keys of a translation: those it may hold, and those of its
// bulletin it may not, which it takes from the bulletin. A writer who
// copies a bulletin to translate it is told of each one to delete.
var (
	translationKeys = map[string][]string{
		"bulletin": {"title", "draft", "scripture", "intro", "audio", "items", "events"},
		"item":     {"title", "body"},
		"event":    {"title"},
		"site":     {"title", "description", "about", "regions", "podcast"},
		"region":   {"name", "description"},
		"podcast":  {"title"},
	}
	// fixedKeys name, for each key a translation may not set, what it is
	// in words.
	fixedKeys = map[string]string{
		"date": "date", "publish": "publish time", "updated": "correction time", "timezone": "time zone",
		"id": "id", "diary": "prayer diary", "region": "region", "kind": "kind", "private": "privacy",
		"events": "events", "start": "start time", "end": "end time", "until": "last day",
		"location": "place", "url": "link", "status": "status", "repeat": "repeat rule",
		"base_url": "address", "language": "language", "languages": "languages", "id_domain": "id_domain",
		"organization": "organization", "icon": "icon", "logo": "logo", "accent": "accent colour",
		"newsletter": "newsletter", "hub": "hub", "feed_limit": "feed_limit", "calendar_past_days": "calendar_past_days",
		"cancelled_days": "cancelled_days", "refresh": "refresh", "event_duration": "event_duration",
		"retired": "retired", "aliases": "aliases",
	}
)

// textMapping checks that n is a mapping of a translation, whose own
// keys are what's (translationKeys), and reports each key that the
// original sets and a translation may not, as taken from of.
func (d *decoder) textMapping(n *yaml.Node, what, label string, original []string, of string) *mapping {
	own := translationKeys[what]
	if n.Kind == yaml.MappingNode {
		kept := *n
		kept.Content = nil
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && !slices.Contains(own, k.Value) && slices.Contains(original, k.Value) {
				d.errorf(k, "a translation holds only texts: its %s is %s's, in every language; delete this line", fixedKeys[k.Value], of)
				continue
			}
			kept.Content = append(kept.Content, n.Content[i], n.Content[i+1])
		}
		n = &kept
	}
	return d.mapping(n, label, own...)
}

// byID returns the entries of key's value, a mapping of ids to
// mappings, in the order written; a problem for anything else.
func (m *mapping) byID(key, example string) [][2]*yaml.Node {
	v := m.node(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		m.d.errorf(v, "%s must give each text by its id, such as \"%s:\" on a line of its own with the texts under it, not %s", key, example, describe(v))
		return nil
	}
	var out [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := v.Content[i]
		if k.Kind != yaml.ScalarNode || strings.TrimSpace(k.Value) == "" {
			m.d.errorf(k, "%s must give each text by its id, not %s", key, describe(k))
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			m.d.errorf(k, "%s appears twice in %s; the first is at %s", k.Value, key, m.d.pos(prev))
			continue
		}
		seen[k.Value] = k
		out = append(out, [2]*yaml.Node{k, v.Content[i+1]})
	}
	return out
}

// translationOf returns the bulletin file that the file p translates and
// the language it is in: "2026/2026-11-27.yaml" and "es" for
// "2026/2026-11-27.es.yaml". A file is a translation when the bulletin
// file is in files too, or when its language is one of languages (the
// site's); ok is false for any other.
func translationOf(p string, files map[string]bool, languages []string) (of, lang string, ok bool) {
	ext := path.Ext(p)
	stem := strings.TrimSuffix(p, ext)
	lang = strings.TrimPrefix(path.Ext(stem), ".")
	if lang == "" {
		return "", "", false
	}
	if _, err := language.Parse(lang); err != nil {
		return "", "", false
	}
	of = strings.TrimSuffix(stem, "."+lang) + ext
	if !files[of] && !slices.Contains(languages, lang) {
		return "", "", false
	}
	return of, lang, true
}

// decodeTranslation reads the translation in file p of the bulletin in
// file of.
func decodeTranslation(data []byte, d *decoder, p, of, lang string) (*bulletin.Translation, bulletin.ErrorList) {
	root, d := parseFile(data, d)
	if root == nil {
		return nil, d.errs
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "a translation must be a mapping of keys and values, not %s", describe(root))
		return nil, d.errs
	}
	of = path.Base(of)
	m := d.textMapping(root, "bulletin", "translation", keys["bulletin"], of)
	t := &bulletin.Translation{Pos: d.pos(root), Fields: m.fields, File: p, Of: strings.TrimSuffix(p, path.Base(p)) + of,
		Language: lang, Source: d.sum, Points: map[string]*bulletin.PointText{}, Events: map[string]*bulletin.EventText{}}
	t.Title = m.line("title", true)
	t.Draft = m.boolean("draft")
	if n := m.node("scripture"); n != nil || m.require("scripture") {
		sm := d.mapping(n, "scripture", keys["scripture"]...)
		t.Scripture = bulletin.Scripture{Text: sm.markdown("text", true), Reference: sm.line("reference", true), Version: sm.line("version", false)}
	}
	d.texts.Add(&t.Intro, m.markdown("intro", false))
	if n := m.node("audio"); n != nil {
		t.Audio = d.audio(n)
	}
	for _, kv := range m.byID("items", "africa-1") {
		pm := d.textMapping(kv[1], "item", "item", keys["item"], of)
		body := pm.markdown("body", true)
		pt := &bulletin.PointText{Pos: d.pos(kv[0]), Title: pm.line("title", false), Sketch: bulletin.SketchOf(body)}
		d.texts.Add(&pt.Body, body)
		if pt.Title == "" && body != "" {
			pt.Title, pt.Auto = markdown.FirstSentence(body, titleLength), true
		}
		t.Points[strings.TrimSpace(kv[0].Value)] = pt
	}
	for _, kv := range m.byID("events", "dr-hearing-santo-domingo") {
		em := d.textMapping(kv[1], "event", "event", keys["event"], of)
		t.Events[strings.TrimSpace(kv[0].Value)] = &bulletin.EventText{Pos: d.pos(kv[0]), Title: em.line("title", true)}
	}
	t.Notes = d.notes
	return t, d.errs
}

// isSiteText reports whether p is site.yaml's texts in a language,
// site.<lang>.yaml.
func isSiteText(p string) bool {
	lang, ok := strings.CutPrefix(p, "site.")
	lang, yaml := strings.CutSuffix(lang, ".yaml")
	if !ok || !yaml {
		return false
	}
	_, err := language.Parse(lang)
	return err == nil
}

// siteTexts reads site.<lang>.yaml, if there is one, into site.Texts.
func siteTexts(fsys fs.FS, dir string, site *bulletin.Site, lang string, errs *bulletin.ErrorList) {
	name := "site." + lang + ".yaml"
	if _, err := fs.Stat(fsys, name); err != nil {
		return
	}
	root, d := readFile(fsys, dir, name)
	defer func() { errs.Append(d.errs); site.Notes.Append(d.notes) }()
	if root == nil {
		return
	}
	m := d.textMapping(root, "site", name, keys["site.yaml"], SiteFile)
	tx := &bulletin.SiteText{Pos: d.pos(root), Fields: m.fields, Language: lang, Regions: map[string]bulletin.RegionText{}}
	tx.Title = m.line("title", true)
	tx.Description = m.markdown("description", true)
	tx.About = m.markdown("about", false)
	for _, kv := range m.byID("regions", "africa") {
		id := strings.TrimSpace(kv[0].Value)
		if site.Region(id) == nil {
			ids := make([]string, len(site.Regions))
			for i, r := range site.Regions {
				ids[i] = r.ID
			}
			d.errorf(kv[0], "site.yaml has no region %s%s; its regions are %s", short(id), didYouMean(id, ids), commaList(ids))
			continue
		}
		rm := d.textMapping(kv[1], "region", "region", keys["region"], SiteFile)
		tx.Regions[id] = bulletin.RegionText{Pos: d.pos(kv[0]), Name: rm.line("name", true), Description: rm.markdown("description", false)}
	}
	for _, r := range site.Regions {
		if _, ok := tx.Regions[r.ID]; !ok {
			d.notes.Add(m.fields.At("regions", tx.Pos), "region %s has no name here, so the %s site calls it %q; add it under regions:", r.ID, lang, r.Name)
		}
	}
	if n := m.node("podcast"); n != nil {
		pm := d.textMapping(n, "podcast", "podcast", keys["podcast"], SiteFile)
		tx.PodcastTitle = pm.line("title", false)
	}
	if site.Podcast != nil {
		tx.PodcastGUID = PodcastGUID(site.Podcast.GUID + "/" + lang)
	}
	if site.Texts == nil {
		site.Texts = map[string]*bulletin.SiteText{}
	}
	site.Texts[lang] = tx
}
