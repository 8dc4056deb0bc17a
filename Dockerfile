# The ledgerbench image for cluster runs (deploy/k8s/indexed-job.yaml):
#
#   docker build -t ledgerbench:latest .
#   docker run --rm ledgerbench:latest list
#
# The release profile builds with fat LTO (several minutes). A container has
# no git checkout at run time, so run.json records no commit: tag the image
# with the commit (`-t ledgerbench:$(git rev-parse --short HEAD)`) and use one
# image for every slice, or `merge` will see different builds.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin ledgerbench

FROM debian:bookworm-slim
# DejaVu Sans: the text of the report's PNG plots.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/ledgerbench /usr/local/bin/ledgerbench
WORKDIR /results
ENTRYPOINT ["ledgerbench"]
CMD ["--help"]
