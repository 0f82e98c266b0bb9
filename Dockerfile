# syntax=docker/dockerfile:1.7
# Build:  docker build --build-context shared=../shared -t chatbot .
# Run:    docker run -it -v chatbot-data:/app/data chatbot   (-it: with no tokens the bot is a console REPL)
#         docker run -d -v chatbot-data:/app/data -p 127.0.0.1:8080:8080 -e Discord__Token=... -e Discord__ApplicationId=... chatbot
# The named build context "shared" supplies the seed corpus that the test stage reads;
# publishing builds on the test stage, so an image is only made when the tests pass.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS restore
WORKDIR /src/repo
# Props and project files first, so the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ChatBot.sln .editorconfig ./
COPY eng/ eng/
COPY src/ChatBot.Core/ChatBot.Core.csproj src/ChatBot.Core/
COPY src/ChatBot.Storage/ChatBot.Storage.csproj src/ChatBot.Storage/
COPY src/ChatBot.Storage.Postgres/ChatBot.Storage.Postgres.csproj src/ChatBot.Storage.Postgres/
COPY src/ChatBot.Discord/ChatBot.Discord.csproj src/ChatBot.Discord/
COPY src/ChatBot.Slack/ChatBot.Slack.csproj src/ChatBot.Slack/
COPY src/ChatBot.Embeddings/ChatBot.Embeddings.csproj src/ChatBot.Embeddings/
COPY src/ChatBot/ChatBot.csproj src/ChatBot/
COPY tests/ChatBot.Testing/ChatBot.Testing.csproj tests/ChatBot.Testing/
COPY tests/ChatBot.Core.Tests/ChatBot.Core.Tests.csproj tests/ChatBot.Core.Tests/
COPY tests/ChatBot.Storage.Tests/ChatBot.Storage.Tests.csproj tests/ChatBot.Storage.Tests/
COPY tests/ChatBot.Discord.Tests/ChatBot.Discord.Tests.csproj tests/ChatBot.Discord.Tests/
COPY tests/ChatBot.Slack.Tests/ChatBot.Slack.Tests.csproj tests/ChatBot.Slack.Tests/
COPY tests/ChatBot.Embeddings.Tests/ChatBot.Embeddings.Tests.csproj tests/ChatBot.Embeddings.Tests/
COPY tests/ChatBot.Tests/ChatBot.Tests.csproj tests/ChatBot.Tests/
COPY tests/ChatBot.Benchmarks/ChatBot.Benchmarks.csproj tests/ChatBot.Benchmarks/
RUN dotnet restore ChatBot.sln

FROM restore AS build
COPY . .
RUN dotnet build ChatBot.sln -c Release --no-restore -warnaserror

FROM build AS test
COPY --from=shared seeds /src/shared/seeds
RUN dotnet test ChatBot.sln -c Release --no-build

FROM test AS publish
RUN dotnet publish src/ChatBot/ChatBot.csproj -c Release --no-build -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=publish /app .
# The image's non-root user (APP_UID, 1654); data/ (database, index, inbox, logs) is the one volume, its owner's only.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data && chmod 700 /app/data
USER $APP_UID
# Listen on port 8080 of every interface inside the container (the host's -p decides what is reachable), through
# the standard ASP.NET Core setting (the base image sets the same); -e Urls=... or -e ASPNETCORE_URLS=... override
# it. Outside a container the bot's default is 127.0.0.1:8080. The admin endpoint (backup) listens on a loopback
# port of its own inside the container and is never published.
ENV Storage__DataDirectory=/app/data \
    ASPNETCORE_HTTP_PORTS=8080
# The runtime's segments garbage collector (libclrgc.so, in this image's runtime) instead of its default regions one:
# an import keeps each batch of papers alive across its store and index stages, and on 2 cores the regions collector
# spent 14-16 % of a 100,000-paper import in pauses against 9-10 % (docs/configuration.md). `doctor` shows which one runs.
ENV DOTNET_GCName=libclrgc.so
EXPOSE 8080
VOLUME /app/data
# The image has no curl: the bot's own verb asks /healthz where the bot listens (ASPNETCORE_HTTP_PORTS, or Urls if set).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "ChatBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "ChatBot.dll"]
