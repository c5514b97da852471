module github.com/newsmon/newsmon/services/feed-fetcher

go 1.26.8

require (
	github.com/mmcdole/gofeed v1.4.2
	github.com/newsmon/newsmon/pkg v0.0.0
	golang.org/x/net v0.58.0
)

require (
	code.dny.dev/ssrf v0.3.0 // indirect
	github.com/andybalholm/brotli v1.3.0 // indirect
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/newsmon/newsmon/pkg => ../../pkg
