package ical

import (
	"io"

	ics "github.com/arran4/golang-ical"
)

// Read parses a calendar with golang-ical and returns the UID and URL of
// each of its events, for checking a built site.
func Read(r io.Reader) (uids, urls []string, err error) {
	cal, err := ics.ParseCalendar(r)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range cal.Events() {
		if p := e.GetProperty(ics.ComponentPropertyUniqueId); p != nil {
			uids = append(uids, p.Value)
		}
		if p := e.GetProperty(ics.ComponentPropertyUrl); p != nil {
			urls = append(urls, p.Value)
		}
	}
	return uids, urls, nil
}
