# One image per service, built from the repository root:
#   docker build --build-arg SERVICE=feed-fetcher -t newsmon/feed-fetcher .
FROM golang:1.26 AS build
ARG SERVICE=newsmon
WORKDIR /src
COPY go.work go.work.sum ./
COPY pkg ./pkg
COPY services ./services
RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./services/${SERVICE}

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
USER nonroot
ENTRYPOINT ["/app"]
