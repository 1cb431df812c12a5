-- wrk script: GET what a class opens, cycling through the home page, the lesson and exercise lists,
-- three lessons, an exercise and the calculator.
local pages = {"/", "/lessons", "/lessons/differentials", "/lessons/machine-learning", "/lessons/cookbook",
  "/exercises", "/exercises/quadratic-form", "/calculator?expression=x%27*A*x&variable=x"}
local i = 0
local client = function() return "10.0." .. (i % 64) .. ".1" end
request = function()
  i = i + 1
  return wrk.format("GET", pages[(i % #pages) + 1], {["X-Forwarded-For"] = client(), ["Accept-Encoding"] = "gzip"})
end
