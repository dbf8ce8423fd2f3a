# mawjaz serve in a container: the release archive (`make dist`: the Swift runtime linked in statically, the bundled
# fonts and templates in share/mawjaz beside bin/) built with Swift 6.3 on Debian 12, run on Debian 12 slim with only
# the libraries the binary links, as an unprivileged user.
#   docker build -t mawjaz . && docker run --rm -p 8080:8080 mawjaz
# See docs/deploy.md. The tests check that every shared library the binary needs comes from a package listed below.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcairo2-dev libpango1.0-dev zlib1g-dev libdeflate-dev pkg-config make \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make dist APT_PACKAGES="libcairo2-dev libpango1.0-dev zlib1g-dev libdeflate-dev pkg-config" \
 && mkdir -p /opt/mawjaz \
 && tar -xzf out/dist/mawjaz-*.tar.gz -C /opt/mawjaz --strip-components=1

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libpangoft2-1.0-0 \
      libfontconfig1 libfreetype6 libharfbuzz0b libglib2.0-0 zlib1g libdeflate0 libstdc++6 libgcc-s1 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home mawjaz
COPY --from=build /opt/mawjaz /opt/mawjaz
ENV PATH=/opt/mawjaz/bin:$PATH
USER 10001
EXPOSE 8080
ENTRYPOINT ["mawjaz"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
