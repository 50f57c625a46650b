package page

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
)

// Webcal returns the webcal:// form of an https calendar URL, which Apple
// Calendar and desktop Outlook open as a subscription.
func Webcal(httpsURL string) string {
	return "webcal://" + strings.TrimPrefix(strings.TrimPrefix(httpsURL, "https://"), "http://")
}

// GoogleSubscribe returns the link that adds a calendar to Google
// Calendar by its https URL.
func GoogleSubscribe(httpsURL string) string {
	return "https://calendar.google.com/calendar/r?cid=" + url.QueryEscape(httpsURL)
}

// OutlookSubscribe returns the link that adds a calendar to Outlook.com.
func OutlookSubscribe(httpsURL, name string) string {
	return "https://outlook.live.com/calendar/0/addfromweb?" + url.Values{"url": {httpsURL}, "name": {name}}.Encode()
}

// GoogleEvent returns Google Calendar's template link for one event: a
// timed event's times are local, with ctz naming their zone; an all-day
// event's dates end the day after its last.
func GoogleEvent(s *bulletin.Site, e *bulletin.Event) string {
	return googleEvent(e, details(s, e, markdown.Text(e.Point.Body)))
}

func googleEvent(e *bulletin.Event, details string) string {
	v := url.Values{
		"action":   {"TEMPLATE"},
		"text":     {summary(e)},
		"details":  {details},
		"location": {e.Location},
	}
	if e.AllDay {
		v.Set("dates", compactDate(e.Date)+"/"+compactDate(lastDay(e).AddDays(1)))
	} else {
		v.Set("dates", e.Start.Format("20060102T150405")+"/"+e.End.Format("20060102T150405"))
		v.Set("ctz", e.Zone.String())
	}
	if rule := recurrence(e); rule != "" {
		v.Set("recur", "RRULE:"+rule)
	}
	if e.Location == "" {
		v.Del("location")
	}
	return "https://calendar.google.com/calendar/render?" + v.Encode()
}

// OutlookEvent returns Outlook.com's link that opens a new event filled
// in: times with their UTC offset, or all-day dates.
func OutlookEvent(s *bulletin.Site, e *bulletin.Event) string {
	return outlookEvent(e, details(s, e, markdown.Text(e.Point.Body)))
}

func outlookEvent(e *bulletin.Event, details string) string {
	v := url.Values{
		"path":     {"/calendar/action/compose"},
		"rru":      {"addevent"},
		"subject":  {summary(e)},
		"body":     {details},
		"location": {e.Location},
	}
	if e.AllDay {
		v.Set("allday", "true")
		v.Set("startdt", e.Date.String())
		v.Set("enddt", lastDay(e).AddDays(1).String())
	} else {
		v.Set("startdt", e.Start.Format(time.RFC3339))
		v.Set("enddt", e.End.Format(time.RFC3339))
	}
	if e.Location == "" {
		v.Del("location")
	}
	return "https://outlook.live.com/calendar/0/deeplink/compose?" + v.Encode()
}

func summary(e *bulletin.Event) string {
	return e.Kind.Label() + ": " + e.Title
}

// details is the text of an event in the links: its point's text,
// shortened, and where to read it.
func details(s *bulletin.Site, e *bulletin.Event, text string) string {
	return markdown.Summary(text, 600) + "\n\n" + s.PointURL(e.Point)
}

func compactDate(d bulletin.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}

func lastDay(e *bulletin.Event) bulletin.Date {
	if e.Until.IsZero() {
		return e.Date
	}
	return e.Until
}

// recurrence returns the RRULE value of a repeating event, with UNTIL as
// a date, as Google's template link takes it.
func recurrence(e *bulletin.Event) string {
	r := e.Repeat
	switch {
	case r == nil:
		return ""
	case r.Count > 0:
		return r.Rule + ";COUNT=" + strconv.Itoa(r.Count)
	}
	return r.Rule + ";UNTIL=" + compactDate(r.Until)
}
