module github.com/newsmon/newsmon/services/deal-classifier

go 1.26.8

require github.com/newsmon/newsmon/pkg v0.0.0

replace github.com/newsmon/newsmon/pkg => ../../pkg
