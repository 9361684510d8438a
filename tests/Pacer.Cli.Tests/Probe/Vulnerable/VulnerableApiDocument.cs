namespace Pacer.Cli.Tests.Probe.Vulnerable;

/// <summary>The OpenAPI document of <see cref="VulnerableApi"/>: it describes the correct API; the flaws are the server's.</summary>
internal static class VulnerableApiDocument
{
    public const string Json = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Books (deliberately vulnerable)", "version": "1" },
          "security": [ { "bearer": [] } ],
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "schemas": {
              "Credentials": {
                "type": "object", "required": ["username", "password"],
                "properties": { "username": { "type": "string", "minLength": 1, "maxLength": 50 }, "password": { "type": "string", "minLength": 1, "maxLength": 50 } },
                "example": { "username": "alice", "password": "alice-pass" }
              },
              "Profile": {
                "type": "object", "required": ["username", "email", "displayName", "role"],
                "properties": { "username": { "type": "string" }, "email": { "type": "string", "format": "email" }, "displayName": { "type": "string" }, "role": { "type": "string" } }
              },
              "ProfileUpdate": {
                "type": "object",
                "properties": { "email": { "type": "string", "format": "email", "maxLength": 254 }, "displayName": { "type": "string", "minLength": 1, "maxLength": 50 } }
              },
              "NewBook": {
                "type": "object", "additionalProperties": false, "required": ["title", "secret"],
                "properties": { "title": { "type": "string", "minLength": 1, "maxLength": 100 }, "secret": { "type": "string" }, "priority": { "type": "integer", "minimum": 1, "maximum": 5 } }
              },
              "Book": {
                "type": "object", "required": ["title", "secret", "priority"],
                "properties": { "title": { "type": "string" }, "secret": { "type": "string" }, "priority": { "type": "integer" } }
              },
              "ProductPage": {
                "type": "object", "required": ["items", "total"],
                "properties": {
                  "total": { "type": "integer" },
                  "items": { "type": "array", "items": {
                    "type": "object", "required": ["id", "name", "seller"],
                    "properties": {
                      "id": { "type": "integer" }, "name": { "type": "string" },
                      "seller": { "type": "object", "required": ["username"], "properties": { "username": { "type": "string" }, "email": { "type": "string" } } }
                    } } }
                }
              }
            }
          },
          "paths": {
            "/login": { "post": { "security": [],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Credentials" } } } },
              "responses": { "200": { "description": "a token" }, "400": { "description": "bad input" }, "401": { "description": "wrong user name or password" }, "429": { "description": "locked for a while" } } } },
            "/logout": { "post": { "responses": { "204": { "description": "logged out" }, "401": { "description": "no token" } } } },
            "/users/me": {
              "get": { "responses": { "200": { "description": "the profile", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Profile" } } } }, "401": { "description": "no token" } } },
              "put": {
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProfileUpdate" } } } },
                "responses": { "200": { "description": "the profile", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Profile" } } } }, "400": { "description": "bad input" }, "401": { "description": "no token" } } }
            },
            "/users/{username}/email": { "put": {
              "parameters": [ { "name": "username", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["email"], "properties": { "email": { "type": "string", "format": "email", "maxLength": 254 } } } } } },
              "responses": { "204": { "description": "changed" }, "400": { "description": "bad address" }, "401": { "description": "no token" }, "403": { "description": "not your account" } } } },
            "/users/{username}/password": { "put": {
              "parameters": [ { "name": "username", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["password"], "properties": { "password": { "type": "string", "minLength": 8, "maxLength": 50 } } } } } },
              "responses": { "204": { "description": "changed" }, "400": { "description": "bad password" }, "401": { "description": "no token" }, "403": { "description": "not your account" }, "404": { "description": "no such user" } } } },
            "/password/forgot": { "post": { "security": [], "x-ratelimit-limit": 5,
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["email"], "properties": { "email": { "type": "string", "format": "email", "maxLength": 254 } } } } } },
              "responses": { "202": { "description": "a mail is on its way if the address is known" }, "400": { "description": "bad input" }, "429": { "description": "slow down" } } } },
            "/books": {
              "get": { "responses": { "200": { "description": "your books" }, "401": { "description": "no token" } } },
              "post": {
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewBook" } } } },
                "responses": { "201": { "description": "added" }, "400": { "description": "bad input" }, "401": { "description": "no token" }, "409": { "description": "title taken" }, "413": { "description": "too large" }, "415": { "description": "not JSON" } } }
            },
            "/books/{title}": {
              "parameters": [ { "name": "title", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "get": { "responses": { "200": { "description": "your book", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Book" } } } }, "401": { "description": "no token" }, "404": { "description": "not yours or not there" } } },
              "delete": { "responses": { "204": { "description": "deleted" }, "401": { "description": "no token" }, "404": { "description": "not yours or not there" } } }
            },
            "/books/search": { "post": {
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["title"], "properties": { "title": { "type": "string" } } } } } },
              "responses": { "200": { "description": "your books with that title" }, "400": { "description": "bad input" }, "401": { "description": "no token" } } } },
            "/products": { "get": { "security": [],
              "parameters": [
                { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": 100 }, "example": "Product" },
                { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } },
                { "name": "X-Region", "in": "header", "schema": { "type": "string" }, "example": "eu" } ],
              "responses": { "200": { "description": "a page of products", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProductPage" } } } }, "400": { "description": "bad input" } } } },
            "/tools/ping": { "post": {
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["host"], "properties": { "host": { "type": "string" } } }, "example": { "host": "example.com" } } } },
              "responses": { "200": { "description": "the ping's output" }, "400": { "description": "not a host name" }, "401": { "description": "no token" } } } },
            "/search": { "get": { "security": [],
              "parameters": [ { "name": "q", "in": "query", "required": true, "schema": { "type": "string", "maxLength": 100 } } ],
              "responses": { "200": { "description": "an HTML page of results", "content": { "text/html": {} } }, "400": { "description": "bad query" } } } },
            "/admin/users": { "get": { "summary": "Every account (admin only)",
              "responses": { "200": { "description": "the accounts" }, "401": { "description": "no token" }, "403": { "description": "not an admin" } } } },
            "/admin/reset": { "get": { "summary": "Reset the data (admin only)",
              "responses": { "200": { "description": "reset" }, "401": { "description": "no token" }, "403": { "description": "not an admin" } } } }
          }
        }
        """;
}
