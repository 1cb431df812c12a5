-- wrk script: POST derivatives of the course's examples.
local functions = {
  '{"expression":"x\'*A*x","variable":"x"}',
  '{"expression":"tr(A*X*B)","variable":"X"}',
  '{"expression":"norm(X*w - y)^2","variable":"w"}',
  '{"expression":"logdet(X\'*X)","variable":"X"}',
  '{"expression":"-y\'*X*w + log(ones\'*exp(X*w))","variable":"w"}'}
local i = 0
-- 64 clients, as a class behind the reverse proxy on this machine (which the tutor trusts) would be:
-- the tutor shares its engine out per client
local client = function() return "10.0." .. (i % 64) .. ".1" end
request = function()
  i = i + 1
  return wrk.format("POST", "/api/derivative", {["Content-Type"] = "application/json", ["X-Forwarded-For"] = client()}, functions[(i % #functions) + 1])
end
