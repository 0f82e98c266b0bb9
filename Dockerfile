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
COPY src/ChatBot.Discord/ChatBot.Discord.csproj src/ChatBot.Discord/
COPY src/ChatBot.Slack/ChatBot.Slack.csproj src/ChatBot.Slack/
COPY src/ChatBot/ChatBot.csproj src/ChatBot/
COPY tests/ChatBot.Testing/ChatBot.Testing.csproj tests/ChatBot.Testing/
COPY tests/ChatBot.Core.Tests/ChatBot.Core.Tests.csproj tests/ChatBot.Core.Tests/
COPY tests/ChatBot.Storage.Tests/ChatBot.Storage.Tests.csproj tests/ChatBot.Storage.Tests/
COPY tests/ChatBot.Discord.Tests/ChatBot.Discord.Tests.csproj tests/ChatBot.Discord.Tests/
COPY tests/ChatBot.Slack.Tests/ChatBot.Slack.Tests.csproj tests/ChatBot.Slack.Tests/
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
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# The image's non-root user (APP_UID, 1654); data/ (database, index, inbox) is the one volume.
USER $APP_UID
# Listen on every interface inside the container (the host's -p decides what is reachable);
# the bot's own default is 127.0.0.1:8080.
ENV Storage__DataDirectory=/app/data \
    Urls=http://+:8080
EXPOSE 8080
VOLUME /app/data
# The image has no curl: the bot's own verb asks /healthz on Urls.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "ChatBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "ChatBot.dll"]
