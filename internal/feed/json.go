package feed

import (
	"encoding/json"
	"io"

	"github.com/gorilla/feeds"
)

// JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/
//
// jsonFeed wraps gorilla/feeds' JSONFeed so that "items" is written even
// when empty, as the specification requires.
type jsonFeed struct {
	*feeds.JSONFeed
	// items: the entries, always present (JSON Feed 1.1, "Top-level").
	Items []*feeds.JSONItem `json:"items"`
}

// EncodeJSON writes f as a JSON Feed 1.1 document.
func EncodeJSON(w io.Writer, f *Feed) error {
	f = f.clean()
	author := &feeds.JSONAuthor{Name: f.Author.Name, Url: f.Author.URI}
	jf := &jsonFeed{
		JSONFeed: &feeds.JSONFeed{
			Version:     "https://jsonfeed.org/version/1.1",
			Title:       f.Title,
			Language:    f.Language,
			HomePageUrl: f.HomeURL,
			FeedUrl:     f.SelfURL("json"),
			Description: f.Description,
			Icon:        f.Logo,
			Favicon:     f.Icon,
			Author:      author,
			Authors:     []*feeds.JSONAuthor{author},
		},
		Items: []*feeds.JSONItem{},
	}
	if f.Hub != "" {
		jf.Hubs = []*feeds.JSONHub{{Type: "WebSub", Url: f.Hub}}
	}
	for _, e := range f.Entries {
		published, updated := e.Published.UTC(), e.Updated.UTC()
		it := &feeds.JSONItem{
			Id:            e.ID,
			Url:           e.URL,
			Title:         e.Title,
			ContentHTML:   e.Content,
			Summary:       e.Summary,
			PublishedDate: &published,
			ModifiedDate:  &updated,
			Authors:       []*feeds.JSONAuthor{{Name: e.Author.Name, Url: e.Author.URI}},
		}
		for _, c := range e.Categories {
			it.Tags = append(it.Tags, c.Label)
		}
		jf.Items = append(jf.Items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jf)
}
