package page

import (
	"net/url"
	"strings"
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
